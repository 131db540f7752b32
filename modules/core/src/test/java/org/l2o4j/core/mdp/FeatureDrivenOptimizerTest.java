package org.l2o4j.core.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.rules.GradientDescent;
import org.l2o4j.core.mdp.rules.TruncatedHeavyBall;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.testkit.DiagonalQuadratic;

class FeatureDrivenOptimizerTest {

    /** Heavy ball written out directly: v ← βv + ∇f, x ← x − lr·v, v starting at 0. */
    private record HeavyBall(double lr, double beta) implements Optimizer {
        @Override
        public String name() {
            return "heavy-ball";
        }

        @Override
        public Map<String, Object> hyperparameters() {
            return Map.of("lr", lr, "beta", beta);
        }

        @Override
        public OptimizerState start(ProblemBatch batch) {
            double[] v = new double[batch.size() * batch.dimension()];
            return () -> {
                double[] x = batch.x();
                double[] g = batch.gradient();
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.isActive(i)) {
                        for (int j = i * batch.dimension(); j < (i + 1) * batch.dimension(); j++) {
                            v[j] = beta * v[j] + g[j];
                            x[j] -= lr * v[j];
                        }
                    }
                }
                batch.evaluateActive();
            };
        }
    }

    private static final List<Problem> PROBLEMS = List.of(
            new DiagonalQuadratic(new double[] {1, 4, 0.25}, new double[] {1, -1, 0}, new double[] {3, 2, -2}),
            new DiagonalQuadratic(new double[] {0.5, 2, 1}, new double[] {0, 2, 1}, new double[] {-1, 1, 4}));

    private static RolloutResult run(Optimizer optimizer, int steps) {
        return Rollout.run(optimizer, PROBLEMS, PROBLEMS.stream().map(p -> p.initialPoint(0)).toList(),
                Rollout.Options.of(steps).withIterates(), RolloutListener.NONE);
    }

    @Test
    void gradientDescentReadFromTheObservationIsGradientDescent() {
        RolloutResult direct = run(new HeavyBall(0.3, 0.0), 20);
        for (FeaturePreset preset : List.of(FeaturePreset.paper(), FeaturePreset.releasedCode(),
                FeaturePreset.paper(2, true))) {
            RolloutResult viaFeatures = run(new FeatureDrivenOptimizer("gd", Map.of(), preset,
                    new GradientDescent(0.3)), 20);
            for (int i = 0; i < PROBLEMS.size(); i++) {
                assertArrayEquals(direct.objective()[i], viaFeatures.objective()[i], 0.0, preset + " problem " + i);
                assertArrayEquals(direct.valueEvaluations()[i], viaFeatures.valueEvaluations()[i]);
                assertArrayEquals(direct.gradientEvaluations()[i], viaFeatures.gradientEvaluations()[i]);
                for (int t = 0; t <= 20; t++) {
                    assertArrayEquals(direct.iterates()[i][t], viaFeatures.iterates()[i][t], 0.0);
                }
            }
        }
    }

    /** gps.md §8 test 13: heavy ball through Σ_j β^j g_{t−j} matches the direct recursion on the first H steps. */
    @Test
    void heavyBallThroughTheGradientHistoryMatchesTheRecursionWhileItFits() {
        int h = 6;
        RolloutResult direct = run(new HeavyBall(0.2, 0.8), 15);
        // paper with the current gradient holds lags 0..H−1: exact for H steps; released-code holds 0..H: H+1 steps.
        for (FeaturePreset preset : List.of(FeaturePreset.paper(h, true), FeaturePreset.releasedCode(h))) {
            RolloutResult viaFeatures = run(new FeatureDrivenOptimizer("hb", Map.of(), preset,
                    new TruncatedHeavyBall(0.2, 0.8)), 15);
            int exactSteps = preset.stateLayout(3).maxGradientLag() + 1;
            for (int i = 0; i < PROBLEMS.size(); i++) {
                for (int t = 0; t <= exactSteps; t++) {
                    assertArrayEquals(direct.iterates()[i][t], viaFeatures.iterates()[i][t], 0.0,
                            preset + " problem " + i + " step " + t);
                }
                assertTrue(direct.objective()[i][exactSteps + 1] != viaFeatures.objective()[i][exactSteps + 1],
                        "the first step that needs a forgotten gradient differs");
            }
        }
    }

    @Test
    void theLiteralPaperPresetCannotExpressGradientDescent() {
        Optimizer literal = new FeatureDrivenOptimizer("gd", Map.of(), FeaturePreset.paper(25, false),
                new GradientDescent(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(literal, 1));
        assertTrue(e.getMessage().contains("includeCurrentGradient"), e.getMessage());
    }

    @Test
    void hyperparametersCarryThePresetUnderFeatures() {
        FeatureDrivenOptimizer o = new FeatureDrivenOptimizer("gd", Map.of("lr", 0.1), FeaturePreset.releasedCode(),
                new GradientDescent(0.1));
        assertEquals(0.1, o.hyperparameters().get("lr"));
        assertEquals(FeaturePreset.releasedCode().settings(), o.hyperparameters().get("features"));
        assertThrows(IllegalArgumentException.class, () -> new FeatureDrivenOptimizer("gd", Map.of("features", 1),
                FeaturePreset.paper(), new GradientDescent(0.1)));
    }

    @Test
    void theRuleSeesOnlyActiveProblemsAndTheirOwnRows() {
        int[] counts = new int[3];
        StepRule recording = (layout, count, observations, actions) -> {
            counts[Math.min(count, 2)]++;
            new GradientDescent(1.5).steps(layout, count, observations, actions);
        };
        // Step 1.5 on curvature 4 multiplies that error by −5 per step: both problems diverge, problem 0 first.
        List<Problem> ps = List.of(new DiagonalQuadratic(new double[] {4}, new double[] {0}, new double[] {1}),
                new DiagonalQuadratic(new double[] {1}, new double[] {0}, new double[] {1}));
        RolloutResult r = Rollout.run(new FeatureDrivenOptimizer("gd", Map.of(), FeaturePreset.paper(), recording),
                ps, List.of(new double[] {1}, new double[] {1}), Rollout.Options.of(30), RolloutListener.NONE);
        assertTrue(r.divergedAt()[0] > 0 && r.divergedAt()[1] == -1, "problem 1 converges: |1 − 1.5| < 1");
        assertEquals(r.divergedAt()[0], counts[2], "two rows while both were active");
        assertEquals(30 - r.divergedAt()[0], counts[1], "then one row");
        assertEquals(r.valueEvaluations()[0][r.divergedAt()[0]], r.valueEvaluations()[0][30]);
    }

    /**
     * A batch and history snapshotted mid-run (H = 3, so the ring buffers have wrapped), sent through Java
     * serialization and restored go on exactly as the original, and a state started on a fresh history the caller
     * keeps is {@code start(batch)}: what a persistent particle of evolution strategies relies on between machines.
     */
    @Test
    void aRunRestoredFromSnapshotsGoesOnExactlyAsTheOriginal() throws Exception {
        for (FeaturePreset preset : List.of(FeaturePreset.paper(3, true), FeaturePreset.releasedCode(3))) {
            FeatureDrivenOptimizer hb = new FeatureDrivenOptimizer("hb", Map.of(), preset,
                    new TruncatedHeavyBall(0.2, 0.8));
            List<double[]> starts = PROBLEMS.stream().map(p -> p.initialPoint(0)).toList();
            ProblemBatch plain = ProblemBatch.startingAt(PROBLEMS, starts);
            OptimizerState plainState = hb.start(plain);
            ProblemBatch kept = ProblemBatch.startingAt(PROBLEMS, starts);
            FeatureHistory history = new FeatureHistory(preset, kept.size(), kept.dimension());
            history.resetAll(kept);
            OptimizerState keptState = hb.start(kept, history);
            for (int t = 0; t < 5; t++) {
                plainState.step();
                keptState.step();
            }
            ProblemBatch.Snapshot batchSnapshot = roundTrip(kept.snapshot());
            FeatureHistory.Snapshot historySnapshot = roundTrip(history.snapshot());
            ProblemBatch restored = ProblemBatch.restore(PROBLEMS, batchSnapshot);
            FeatureHistory restoredHistory = new FeatureHistory(preset, restored.size(), restored.dimension());
            restoredHistory.restore(historySnapshot);
            OptimizerState restoredState = hb.start(restored, restoredHistory);
            for (int t = 0; t < 6; t++) {
                plainState.step();
                keptState.step();
                restoredState.step();
            }
            for (ProblemBatch b : List.of(kept, restored)) {
                assertArrayEquals(plain.x(), b.x(), 0.0, preset.name());
                assertArrayEquals(plain.values(), b.values(), 0.0, preset.name());
                assertArrayEquals(plain.gradient(), b.gradient(), 0.0, preset.name());
                assertEquals(plain.totalGradientEvaluations(), b.totalGradientEvaluations(), preset.name());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
