package org.l2o4j.core.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.core.testkit.ShiftedQuadratic;

class RolloutTest {

    /** x ← x − lr·∇f, written out so the expected trajectory is known in closed form. */
    private record FixedStep(double lr) implements Optimizer {
        @Override
        public String name() {
            return "fixed-step";
        }

        @Override
        public Map<String, Object> hyperparameters() {
            return Map.of("lr", lr);
        }

        @Override
        public OptimizerState start(ProblemBatch batch) {
            return () -> {
                double[] x = batch.x();
                double[] g = batch.gradient();
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.isActive(i)) {
                        for (int j = i * batch.dimension(); j < (i + 1) * batch.dimension(); j++) {
                            x[j] -= lr * g[j];
                        }
                    }
                }
                batch.evaluateActive();
            };
        }
    }

    private static final DiagonalQuadratic Q = new DiagonalQuadratic(new double[] {1, 4}, new double[] {0, 0},
            new double[] {1, 1});

    @Test
    void recordsTheClosedFormTrajectoryAndChargesEveryEvaluation() {
        RolloutResult r = Rollout.run(new FixedStep(0.1), List.of(Q), List.of(new double[] {1, 1}),
                Rollout.Options.of(5), RolloutListener.NONE);
        for (int t = 0; t <= 5; t++) {
            double e1 = Math.pow(0.9, t);
            double e2 = Math.pow(0.6, t);
            assertEquals(0.5 * e1 * e1 + 2 * e2 * e2, r.objective()[0][t], 1e-14);
            assertEquals(Math.hypot(e1, 4 * e2), r.gradientNorm()[0][t], 1e-14);
            assertEquals(t + 1, r.valueEvaluations()[0][t]);
            assertEquals(t + 1, r.gradientEvaluations()[0][t]);
        }
        assertEquals(-1, r.divergedAt()[0]);
        assertEquals(0, r.divergedCount());
    }

    @Test
    void aDivergingRunIsRecordedNotThrown() {
        // Step 1 on curvature 4 multiplies that error by −3 each step: |x| grows like 3^t, past 1e8·(1+1) by t = 18.
        RolloutResult r = Rollout.run(new FixedStep(1.0), List.of(Q, Q), List.of(new double[] {1, 1},
                new double[] {1, 1}), Rollout.Options.of(40), RolloutListener.NONE);
        int at = r.divergedAt()[0];
        assertTrue(at > 1 && at < 40, "diverged at " + at);
        assertTrue(Double.isNaN(r.objective()[0][at]));
        assertTrue(Double.isNaN(r.objective()[0][40]));
        assertTrue(Double.isFinite(r.objective()[0][at - 1]));
        assertEquals(at + 1, r.valueEvaluations()[0][at], "the diverging step's evaluation is charged");
        assertEquals(r.valueEvaluations()[0][at], r.valueEvaluations()[0][40], "then the counters freeze");
        assertTrue(r.wallSeconds()[0][at] > r.wallSeconds()[0][at - 1], "and so is its time");
        assertEquals(2, r.divergedCount());
    }

    @Test
    void aStochasticProblemRecordsTheLossOfEachStepsMinibatch() {
        // With lr = 1 the step from x_t lands on the example of x_t's draw: x_{t+1} = s_t, evaluated on draw t + 1.
        double[] expected = {25, 1, 1, 4, 1, 1, 4};
        RolloutResult r = Rollout.run(new FixedStep(1.0), List.of(new ShiftedQuadratic(2)),
                List.of(new double[] {5, 5}), Rollout.Options.of(6), RolloutListener.NONE);
        for (int t = 0; t <= 6; t++) {
            assertEquals(expected[t], r.objective()[0][t], 0.0, "step " + t);
        }
    }

    @Test
    void recordsIteratesWhenAsked() {
        RolloutResult r = Rollout.run(new FixedStep(0.5), List.of(Q), List.of(new double[] {1, 1}),
                Rollout.Options.of(2).withIterates(), RolloutListener.NONE);
        assertEquals(0.25, r.iterates()[0][2][0], 1e-15);
        assertEquals(1.0, r.iterates()[0][2][1], 1e-15);
    }

    @Test
    void dimensionMismatchIsNamed() {
        Problem three = new DiagonalQuadratic(new double[] {1, 1, 1}, new double[3], new double[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rollout.run(
                new FixedStep(0.1), List.of(Q, three), List.of(new double[2], new double[3]), Rollout.Options.of(1),
                RolloutListener.NONE));
        assertTrue(e.getMessage().contains("d=2") && e.getMessage().contains("d=3"), e.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class, () -> Rollout.run(
                new FixedStep(0.1), List.of(Q), List.of(new double[3]), Rollout.Options.of(1), RolloutListener.NONE));
        assertTrue(start.getMessage().contains("length 3"), start.getMessage());
    }

    @Test
    void aNonFiniteStartIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rollout.run(
                new FixedStep(0.1), List.of(Q), List.of(new double[] {Double.NaN, 0}), Rollout.Options.of(1),
                RolloutListener.NONE));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void listenerSeesEveryStep() {
        int[] seen = new int[1];
        Rollout.run(new FixedStep(0.1), List.of(Q), List.of(new double[] {1, 1}), Rollout.Options.of(7),
                (step, steps) -> {
                    assertEquals(7, steps);
                    seen[0] = step;
                });
        assertEquals(7, seen[0]);
    }
}
