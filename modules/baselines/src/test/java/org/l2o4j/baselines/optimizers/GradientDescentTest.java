package org.l2o4j.baselines.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.testkit.DiagonalQuadratic;

class GradientDescentTest {

    private static final double[] CURVATURE = {0.1, 0.25, 0.5, 1.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 3.0};
    private static final double[] START = {4.0, 1.0, -1.5, -2.0};

    @Test
    void stepOneOverLContractsEveryCoordinateAtItsTheoreticalRate() {
        double lipschitz = 1.0;
        double strongConvexity = 0.1;
        double lr = 1 / lipschitz;
        DiagonalQuadratic problem = new DiagonalQuadratic(CURVATURE, CENTER, START);
        RolloutResult r = Rollout.run(new GradientDescent(new GradientDescent.Hyperparameters(lr)), List.of(problem),
                List.of(START), Rollout.Options.of(25).withIterates(), RolloutListener.NONE);
        double[][] x = r.iterates()[0];
        for (int t = 1; t <= 25; t++) {
            for (int j = 0; j < CURVATURE.length; j++) {
                double before = x[t - 1][j] - CENTER[j];
                double after = x[t][j] - CENTER[j];
                assertEquals((1 - lr * CURVATURE[j]) * before, after, 1e-12, "t=" + t + ", coordinate " + j);
            }
            double slowBefore = Math.abs(x[t - 1][0] - CENTER[0]);
            double slowAfter = Math.abs(x[t][0] - CENTER[0]);
            assertEquals(1 - strongConvexity / lipschitz, slowAfter / slowBefore, 1e-12, "slowest mode at t=" + t);
        }
        // The stiffest coordinate (a = L) is solved in one step.
        assertEquals(CENTER[3], x[1][3], 0.0);
        assertEquals(25, r.gradientEvaluations()[0][25] - 1, "one evaluation per iteration after the start");
    }

    @Test
    void aStepFarAboveTwoOverLIsRecordedAsDivergedNotThrown() {
        DiagonalQuadratic problem = new DiagonalQuadratic(CURVATURE, CENTER, START);
        RolloutResult r = Rollout.run(new GradientDescent(new GradientDescent.Hyperparameters(10.0)),
                List.of(problem), List.of(START), Rollout.Options.of(30), RolloutListener.NONE);
        // |1 − 10·1| = 9 per step on the stiffest coordinate: f grows 81× per step until the divergence rule trips.
        int at = r.divergedAt()[0];
        assertTrue(at >= 1 && at <= 30, "diverged at " + at);
        assertEquals(1, r.divergedCount());
        assertTrue(r.objective()[0][1] > r.objective()[0][0], "f must have grown before the rule tripped");
        assertTrue(Double.isNaN(r.objective()[0][30]), "a diverged run is frozen and recorded as NaN");
    }
}
