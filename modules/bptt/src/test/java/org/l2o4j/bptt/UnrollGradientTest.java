package org.l2o4j.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.policy.recurrent.ScaledGradient;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticConfig;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticFamily;

/**
 * The meta-gradient of whole unrolls (several steps, several problems, two truncations in a row) against central
 * finite differences of the meta-loss. The trainer treats each ∇f(θ_t) as an input (no second derivatives), so the
 * function it differentiates is the meta-loss with those gradients frozen at the values the unroll saw:
 * L̃(φ) = (1/B) Σ_i Σ_t w_t f_i(θ_t(φ)) with θ_{t+1} = θ_t + Δθ(g_t frozen; φ). This test computes L̃ with its own loop
 * (the network's public step and the problems' own f), independently of {@link Unroll}.
 */
class UnrollGradientTest {

    private static final int PROBLEMS = 3;
    private static final int DIMENSION = 4;
    private static final int STEPS = 5;
    private static final double H = 1e-5;

    private static List<Problem> problems() {
        LeastSquaresQuadraticFamily family = new LeastSquaresQuadraticFamily(
                new LeastSquaresQuadraticConfig(DIMENSION, "gaussian", 1.0, 5, 5, 5));
        return family.problems("train", 3).subList(0, PROBLEMS);
    }

    /**
     * The start of an unroll: iterates and recurrent state, or with {@code initial} the network's own initial state
     * (which then depends on the parameters: the GRU's learned h_0).
     */
    private record Start(double[] x, double[] state, boolean initial) {
    }

    /** The loop the trainer runs, written independently; records the gradients it sees when {@code frozen} is null. */
    private static double frozenLoss(RecurrentNet net, double[] theta, List<Problem> problems, Start start,
            double[] weights, double[] problemWeights, double[][] frozen, double[][] record) {
        RecurrentNet.Kernel kernel = net.kernel(theta);
        RecurrentNet.Workspace ws = kernel.newWorkspace();
        int n = problems.size();
        int coordinates = n * DIMENSION;
        double[] x = start.x().clone();
        double[] state = start.state().clone();
        if (start.initial()) {
            kernel.resetState(state, 0, coordinates);
        }
        double[] g = new double[coordinates];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = problems.get(i).valueAndGradient(x, i * DIMENSION, g, i * DIMENSION);
        }
        double[] features = new double[coordinates * net.spec().preprocessing().features()];
        double[] update = new double[coordinates];
        double loss = weights[0] * weightedMean(values, problemWeights);
        for (int t = 0; t < STEPS; t++) {
            double[] input = frozen == null ? g : frozen[t];
            if (record != null) {
                record[t] = g.clone();
            }
            net.spec().preprocessing().apply(input, 0, coordinates, features);
            kernel.step(features, state, update, 0, coordinates, ws, null, 0);
            for (int c = 0; c < coordinates; c++) {
                x[c] += update[c];
            }
            for (int i = 0; i < n; i++) {
                values[i] = problems.get(i).valueAndGradient(x, i * DIMENSION, g, i * DIMENSION);
            }
            loss += weights[t + 1] * weightedMean(values, problemWeights);
        }
        return loss;
    }

    private static double weightedMean(double[] v, double[] problemWeights) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += (problemWeights == null ? 1 : problemWeights[i]) * v[i];
        }
        return s / v.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void check(RecurrentSpec spec, double[] weights, double[] problemWeights, long seed) {
        RecurrentNet net = spec.create();
        RandomGenerator rng = Seeds.rng(seed);
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.5 * rng.nextGaussian();
        }
        List<Problem> problems = problems();
        List<double[]> starts = new ArrayList<>();
        for (Problem p : problems) {
            starts.add(p.initialPoint(0));
        }
        ProblemBatch batch = ProblemBatch.startingAt(problems, starts);
        double[] state = new double[PROBLEMS * DIMENSION * net.stateSize()];
        RecurrentNet.Kernel kernel = net.kernel(theta);
        kernel.resetState(state, 0, PROBLEMS * DIMENSION);
        double[] gradient = new double[net.parameterCount()];
        try (Unroll unroll = new Unroll(net, weights, PROBLEMS * DIMENSION, 1)) {
            for (int truncation = 0; truncation < 2; truncation++) {
                Start start = new Start(batch.x().clone(), state.clone(), truncation == 0);
                double[][] seen = new double[STEPS][];
                double expected = frozenLoss(net, theta, problems, start, weights, problemWeights, null, seen);
                double loss = unroll.run(batch, kernel, state, truncation == 0, gradient, problemWeights);
                assertEquals(expected, loss, 1e-12 * Math.abs(expected), "the unroll's meta-loss");
                double largest = 0;
                for (int k = 0; k < theta.length; k++) {
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[k] += H;
                    minus[k] -= H;
                    double numeric = (frozenLoss(net, plus, problems, start, weights, problemWeights, seen, null)
                            - frozenLoss(net, minus, problems, start, weights, problemWeights, seen, null)) / (2 * H);
                    assertEquals(numeric, gradient[k], 1e-6 * (1 + Math.abs(numeric)),
                            spec.cell() + " truncation " + truncation + ", parameter " + k);
                    largest = Math.max(largest, Math.abs(gradient[k]));
                }
                assertTrue(largest > 1e-2, "the check must see real gradients, largest " + largest);
            }
        }
    }

    @Test
    void lstmMetaGradientMatchesFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 3, LogAndSign.paper(), 0.1), new double[] {1, 1, 1, 1,
            1, 1}, null, 41);
    }

    @Test
    void gruMetaGradientWithUnequalWeightsMatchesFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 3, new ScaledGradient(0.5), 0.2),
                new double[] {0, 0.5, 1, 2, 0, 3}, null, 42);
    }

    /** renn's normalized meta-loss weighs problem i by 1/f_i(θ_0): per-problem weights reach the gradient too. */
    @Test
    void gruMetaGradientWithProblemWeightsMatchesFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 3, new ScaledGradient(1.0), 1.0),
                new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6}, new double[] {0.25, 2.0, 0.7}, 43);
    }

    /** w_0 multiplies f(θ_0), a constant of the unroll: it changes the loss by exactly that, the gradient not at all. */
    @Test
    void initialLossTermChangesTheValueOnly() {
        RecurrentNet net = RecurrentSpec.paperLstm().create();
        List<Problem> problems = problems();
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        double[] theta = net.initialParameters(7);
        double[][] gradients = new double[2][net.parameterCount()];
        double[] losses = new double[2];
        double initialMean = 0;
        for (int variant = 0; variant < 2; variant++) {
            ProblemBatch batch = ProblemBatch.startingAt(problems, starts);
            initialMean = mean(batch.values());
            double[] state = new double[PROBLEMS * DIMENSION * net.stateSize()];
            try (Unroll unroll = new Unroll(net, new double[] {variant, 1, 1, 1}, PROBLEMS * DIMENSION, 1)) {
                losses[variant] = unroll.run(batch, net.kernel(theta), state, true, gradients[variant]);
            }
        }
        assertEquals(losses[0] + initialMean, losses[1], 1e-12 * losses[1]);
        for (int k = 0; k < gradients[0].length; k++) {
            assertEquals(gradients[0][k], gradients[1][k], 0.0);
        }
    }
}
