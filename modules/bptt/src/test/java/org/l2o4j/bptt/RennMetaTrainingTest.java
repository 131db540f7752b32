package org.l2o4j.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;

/**
 * renn's meta-training settings (analysis.md) on top of the shared loop, each against a second computation: the meta-L2
 * penalty's loss and gradient, and the normalized meta-loss as the mean over the unroll of f_i(θ_t)/f_i(θ_0).
 */
class RennMetaTrainingTest {

    private static BpttConfig oneStep(double metaL2, String metaLoss) {
        return TinyRuns.lstm(Map.of("epochs", 1, "problemsPerEpoch", 4, "stepsPerProblem", 5, "unrollLength", 5,
                "beta1", 0.0, "beta2", 0.0, "epsilon", 1e6, "metaL2", metaL2, "metaLoss", metaLoss));
    }

    /**
     * One meta-step from the same θ₀: the logged loss grows by exactly λ‖θ₀‖²; with β₁ = β₂ = 0 and ε = 10⁶ Adam's step
     * is lr·g/(|g| + ε), linear in g to about |g|/ε, so θ₁ moves by −lr/ε · 2λθ₀ more.
     */
    @Test
    void metaL2AddsItsValueToTheLossAndItsGradientToTheStep() {
        double lambda = 0.05;
        GradientMetaTrainer.Result plain = new BpttTrainer(oneStep(0, "sum"), TinyRuns.quadratics())
                .train(TrainingListener.NONE);
        GradientMetaTrainer.Result penalized = new BpttTrainer(oneStep(lambda, "sum"), TinyRuns.quadratics())
                .train(TrainingListener.NONE);
        double[] theta0;
        try (BpttEstimator e = new BpttEstimator(oneStep(0, "sum"), TinyRuns.quadratics())) {
            theta0 = e.initialParameters();
        }
        double squares = 0;
        for (double v : theta0) {
            squares += v * v;
        }
        assertEquals(plain.log().get(1).trainingLoss() + lambda * squares, penalized.log().get(1).trainingLoss(),
                1e-12 * penalized.log().get(1).trainingLoss());
        double scale = 0.01 / 1e6;
        double largest = 0;
        for (int k = 0; k < theta0.length; k++) {
            double expected = -scale * 2 * lambda * theta0[k];
            double actual = penalized.last()[k] - plain.last()[k];
            assertEquals(expected, actual, 1e-4 * Math.abs(expected) + 1e-15 * Math.abs(theta0[k]), "parameter " + k);
            largest = Math.max(largest, Math.abs(actual));
        }
        assertTrue(largest > 1e-10, "the penalty must move the parameters, largest " + largest);
    }

    /** The first epoch's normalized loss against its definition, from the same unroll's values. */
    @Test
    void normalizedLossIsTheMeanOverTheUnrollOfTheRelativeObjective() {
        BpttConfig sum = oneStep(0, "sum");
        BpttConfig normalized = oneStep(0, "mean-normalized");
        double[] w = normalized.lossWeights();
        assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-15);
        try (BpttEstimator e = new BpttEstimator(normalized, TinyRuns.quadratics())) {
            double[] theta = e.initialParameters();
            List<Problem> problems = List.of(e.trainingProblem(0), e.trainingProblem(1), e.trainingProblem(2),
                    e.trainingProblem(3));
            ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0))
                    .toList());
            double[] f0 = batch.values().clone();
            double expected = 0;
            org.l2o4j.core.optimizer.Optimizer optimizer = e.optimizer(theta);
            org.l2o4j.core.optimizer.OptimizerState state = optimizer.start(batch);
            for (int i = 0; i < 4; i++) {
                expected += batch.values()[i] / f0[i] / 6 / 4;
            }
            for (int t = 0; t < 5; t++) {
                state.step();
                for (int i = 0; i < 4; i++) {
                    expected += batch.values()[i] / f0[i] / 6 / 4;
                }
            }
            double loss = e.epoch(0, theta).estimate(theta, new double[theta.length]);
            assertEquals(expected, loss, 1e-12 * expected);
        }
        assertEquals(6, sum.lossWeights().length);
    }
}
