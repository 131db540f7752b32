package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.testkit.DiagonalQuadratic;

/** Adam's first iterations against Kingma &amp; Ba's Algorithm 1 written out by hand. */
class AdamTest {

    private static final double A = 2.0;
    private static final double C = 1.0;
    private static final double X0 = 3.0;
    private static final double LR = 0.1;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    private static double[] run(Adam adam, int steps) {
        DiagonalQuadratic f = new DiagonalQuadratic(new double[] {A}, new double[] {C}, new double[] {X0});
        double[][] x = Rollout.run(adam, List.of(f), List.of(new double[] {X0}),
                Rollout.Options.of(steps).withIterates(), RolloutListener.NONE).iterates()[0];
        double[] out = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            out[t] = x[t][0];
        }
        return out;
    }

    @Test
    void firstThreeStepsMatchAlgorithmOneByHand() {
        double[] x = run(new Adam(new Adam.Hyperparameters(LR, B1, B2, EPS, true)), 3);

        double g1 = A * (X0 - C);
        double m1 = (1 - B1) * g1;
        double v1 = (1 - B2) * g1 * g1;
        double x1 = X0 - LR * (m1 / (1 - B1)) / (Math.sqrt(v1 / (1 - B2)) + EPS);
        // With bias correction the first step is lr·g/(|g| + ε): lr·sign(g) up to ε/|g|.
        assertEquals(X0 - LR * g1 / (Math.abs(g1) + EPS), x1, 1e-15);
        assertEquals(x1, x[1], 1e-14);

        double g2 = A * (x1 - C);
        double m2 = B1 * m1 + (1 - B1) * g2;
        double v2 = B2 * v1 + (1 - B2) * g2 * g2;
        double x2 = x1 - LR * (m2 / (1 - B1 * B1)) / (Math.sqrt(v2 / (1 - B2 * B2)) + EPS);
        assertEquals(x2, x[2], 1e-14);

        double g3 = A * (x2 - C);
        double m3 = B1 * m2 + (1 - B1) * g3;
        double v3 = B2 * v2 + (1 - B2) * g3 * g3;
        double x3 = x2 - LR * (m3 / (1 - B1 * B1 * B1)) / (Math.sqrt(v3 / (1 - B2 * B2 * B2)) + EPS);
        assertEquals(x3, x[3], 1e-14);
    }

    @Test
    void withoutBiasCorrectionTheMomentsAreUsedAsTheyAre() {
        double[] x = run(new Adam(new Adam.Hyperparameters(LR, B1, B2, EPS, false)), 2);

        double g1 = A * (X0 - C);
        double m1 = (1 - B1) * g1;
        double v1 = (1 - B2) * g1 * g1;
        double x1 = X0 - LR * m1 / (Math.sqrt(v1) + EPS);
        // (1 − β1)/√(1 − β2) = 0.1/0.0316: the uncorrected first step is about 3.16·lr.
        assertEquals(X0 - LR * 0.1 / Math.sqrt(0.001), x1, 1e-6);
        assertEquals(x1, x[1], 1e-14);

        double g2 = A * (x1 - C);
        double m2 = B1 * m1 + (1 - B1) * g2;
        double v2 = B2 * v1 + (1 - B2) * g2 * g2;
        assertEquals(x1 - LR * m2 / (Math.sqrt(v2) + EPS), x[2], 1e-14);
    }
}
