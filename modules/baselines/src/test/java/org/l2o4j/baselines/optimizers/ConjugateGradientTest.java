package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.DenseQuadratic;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;

class ConjugateGradientTest {

    /**
     * Li &amp; Malik's fixed-step CG in its history-sum form, Δx_k = −γ·Σ_{j≤k} (‖g_k‖²/‖g_j‖²)·g_j, against the
     * recursion the optimizer runs.
     */
    @Test
    void fixedStepRecursionEqualsTheSumOverPastGradients() {
        double gamma = 0.05;
        int steps = 8;
        DenseQuadratic problem = new DenseQuadratic(4, 20.0, 7);
        double[][] actual = Rollout.run(new ConjugateGradient(new ConjugateGradient.Hyperparameters(gamma)),
                List.of(problem), List.of(problem.initialPoint(0)), Rollout.Options.of(steps).withIterates(),
                RolloutListener.NONE).iterates()[0];

        int n = problem.dimension();
        double[] x = problem.initialPoint(0);
        List<double[]> gradients = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            double[] g = new double[n];
            problem.valueAndGradient(x, g);
            gradients.add(g);
            double gk = squaredNorm(g);
            for (double[] gj : gradients) {
                double weight = gk / squaredNorm(gj);
                for (int i = 0; i < n; i++) {
                    x[i] -= gamma * weight * gj[i];
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], actual[k + 1][i], 1e-12, "step " + (k + 1) + ", coordinate " + i);
            }
        }
    }

    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }
}
