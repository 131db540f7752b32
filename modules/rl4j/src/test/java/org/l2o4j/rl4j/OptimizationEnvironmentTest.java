package org.l2o4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.gym.StepReply;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.rules.GradientDescent;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;

class OptimizationEnvironmentTest {

    private static final List<Problem> LOGISTIC = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS)
            .problems("train", 7).subList(0, 5);

    private static OptimizationEnvironment logistic(OptimizationEnvironment.Settings settings, long seed) {
        return new OptimizationEnvironment(LOGISTIC, OptimizationEnvironment.gradientStepGrid(0.01, 1.0, 5), settings,
                seed);
    }

    @Test
    void spacesMatchThePresetAndTheActionList() {
        OptimizationEnvironment paper = logistic(OptimizationEnvironment.Settings.DEFAULTS, 1);
        assertArrayEquals(new int[] {125}, paper.getObservationSpace().getShape());
        assertEquals(5, paper.getActionSpace().getSize());
        for (int k = 0; k < 50; k++) {
            int a = paper.getActionSpace().randomAction();
            assertTrue(a >= 0 && a < 5, "random action " + a);
        }
        OptimizationEnvironment released = logistic(new OptimizationEnvironment.Settings(
                FeaturePreset.releasedCode(), 40, DivergenceRule.DEFAULT, ObservationScaling.NONE), 1);
        assertArrayEquals(new int[] {229}, released.getObservationSpace().getShape());
    }

    @Test
    void theLogGridIsGeometricAndIncludesBothEnds() {
        List<Double> alphas = new ArrayList<>();
        OptimizationEnvironment.gradientStepGrid(0.001, 10, 5).forEach(r -> alphas.add(((GradientDescent) r)
                .stepSize()));
        assertEquals(0.001, alphas.get(0), 1e-18);
        assertEquals(0.01, alphas.get(1), 1e-15);
        assertEquals(0.1, alphas.get(2), 1e-15);
        assertEquals(10, alphas.get(4), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizationEnvironment.gradientStepGrid(0, 1, 3));
        assertTrue(e.getMessage().contains("smallest=0.0"), e.getMessage());
    }

    @Test
    void observationsAreImmutableEncodables() {
        double[] raw = {1, -2, 3};
        OptimizationObservation o = new OptimizationObservation(raw);
        raw[0] = 99;
        assertArrayEquals(new double[] {1, -2, 3}, o.toArray(), 0.0);
        o.toArray()[1] = 99;
        assertArrayEquals(new double[] {1, -2, 3}, o.toArray(), 0.0);
        assertFalse(o.isSkipped());
        assertArrayEquals(o.toArray(), o.dup().toArray(), 0.0);
        assertEquals(3, o.getData().length());
        assertEquals(-2, o.getData().getDouble(1), 0.0);
    }

    @Test
    void resetStartsAtTheDrawnFunctionsInitialPointAndStepAppliesTheChosenStepSize() {
        OptimizationEnvironment env = logistic(OptimizationEnvironment.Settings.DEFAULTS.withHorizon(3), 5);
        assertFalse(env.isDone());
        OptimizationObservation first = env.reset();
        Problem p = env.mdp().batch().problem(0);
        assertTrue(LOGISTIC.contains(p));
        double[] x0 = p.initialPoint(0);
        assertArrayEquals(x0, env.mdp().batch().x(), 0.0);
        double[] g0 = new double[4];
        p.valueAndGradient(x0, g0);
        // At t = 0 the paper features are all zero except the lag-0 gradient row.
        double[] expected = new double[125];
        System.arraycopy(g0, 0, expected, 25, 4);
        assertArrayEquals(expected, first.toArray(), 0.0);
        assertEquals(1, env.valueEvaluations());

        StepReply<OptimizationObservation> reply = env.step(2);   // α = 0.1 on the grid 0.01 .. 1
        double[] x1 = x0.clone();
        for (int j = 0; j < 4; j++) {
            x1[j] = x0[j] + (-0.1) * g0[j];
        }
        assertEquals(-p.value(x1), reply.getReward(), 0.0);
        assertFalse(reply.isDone());
        assertEquals(1, ((Map<?, ?>) reply.getInfo()).get("time"));
        FeatureLayout layout = env.mdp().observationLayout();
        assertEquals(p.value(x1) - p.value(x0), reply.getObservation().toArray()[0], 1e-15);
        assertArrayEquals(g0, Arrays.copyOfRange(reply.getObservation().toArray(),
                layout.gradientOffset(1), layout.gradientOffset(1) + 4), 0.0);

        assertFalse(env.step(0).isDone());
        assertTrue(env.step(4).isDone());
        assertTrue(env.isDone());
        assertThrows(IllegalStateException.class, () -> env.step(0));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> env.step(5));
        assertTrue(bad.getMessage().contains("5") && bad.getMessage().contains("[0, 5)"), bad.getMessage());
        env.reset();
        assertFalse(env.isDone());
        assertEquals(0, env.mdp().time());
    }

    @Test
    void episodeDrawsAreSeededAndNewInstancesDiffer() {
        OptimizationEnvironment a = logistic(OptimizationEnvironment.Settings.DEFAULTS, 42);
        OptimizationEnvironment b = logistic(OptimizationEnvironment.Settings.DEFAULTS, 42);
        OptimizationEnvironment child = a.newInstance();
        assertEquals(a.settings(), child.settings());
        assertEquals(a.actions(), child.actions());
        List<Problem> drawsA = new ArrayList<>();
        List<Problem> drawsB = new ArrayList<>();
        List<Problem> drawsChild = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            a.reset();
            b.reset();
            child.reset();
            drawsA.add(a.mdp().batch().problem(0));
            drawsB.add(b.mdp().batch().problem(0));
            drawsChild.add(child.mdp().batch().problem(0));
        }
        assertEquals(drawsA, drawsB);
        assertNotEquals(drawsA, drawsChild);
        assertTrue(drawsA.stream().distinct().count() > 1, "episodes draw different functions");
        assertEquals(12, a.episodes());
    }

    @Test
    void aDivergingStepEndsTheEpisodeWithTheWorstNonDivergedCost() {
        // Curvature 4 and step 10: the error is multiplied by −39 each step and passes 10·(1 + f0) above f0 at once.
        DiagonalQuadratic q = new DiagonalQuadratic(new double[] {4}, new double[] {0}, new double[] {1});
        OptimizationEnvironment env = new OptimizationEnvironment(List.of(q), List.of(new GradientDescent(0.1),
                new GradientDescent(10)), new OptimizationEnvironment.Settings(FeaturePreset.paper(), 40,
                new DivergenceRule(10, 1e8), ObservationScaling.NONE), 0);
        env.reset();
        StepReply<OptimizationObservation> ok = env.step(0);
        assertEquals(-q.value(new double[] {0.6}), ok.getReward(), 1e-15);
        StepReply<OptimizationObservation> blown = env.step(1);
        assertTrue(blown.isDone());
        assertEquals(-(2.0 + 10 * (1 + 2.0)), blown.getReward(), 0.0);
        assertEquals(true, ((Map<?, ?>) blown.getInfo()).get("diverged"));
        assertEquals(2, env.mdp().time());
    }

    @Test
    void scalingChangesWhatTheAgentSeesNotWhatTheActionDoes() {
        OptimizationEnvironment raw = logistic(OptimizationEnvironment.Settings.DEFAULTS, 3);
        OptimizationEnvironment scaled = logistic(new OptimizationEnvironment.Settings(FeaturePreset.paper(), 40,
                DivergenceRule.DEFAULT, ObservationScaling.S33), 3);
        double[] r0 = raw.reset().toArray();
        double[] s0 = scaled.reset().toArray();
        for (int k = 0; k < r0.length; k++) {
            assertEquals(Math.max(-1, Math.min(1, r0[k] / 50)), s0[k], 1e-17);
        }
        assertEquals(raw.step(3).getReward(), scaled.step(3).getReward(), 0.0);
        ObservationScaling clip = new ObservationScaling(2, 3);
        double[] v = {1, -1, 2, -2};
        clip.applyInPlace(v);
        assertArrayEquals(new double[] {2, -2, 3, -3}, v, 0.0);
        assertThrows(IllegalArgumentException.class, () -> new ObservationScaling(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ObservationScaling(1, 0));
    }

    @Test
    void everyEvaluationOverManyEpisodesIsCharged() {
        List<CountingProblem> counted = LOGISTIC.stream().map(CountingProblem::new).toList();
        OptimizationEnvironment env = new OptimizationEnvironment(counted,
                OptimizationEnvironment.gradientStepGrid(0.01, 1.0, 5), OptimizationEnvironment.Settings.DEFAULTS
                        .withHorizon(7), 9);
        for (int e = 0; e < 4; e++) {
            env.reset();
            int k = 0;
            while (!env.isDone()) {
                env.step(k++ % 5);
            }
            assertEquals(7, env.mdp().time());
        }
        long valueCalls = counted.stream().mapToLong(c -> c.valueCalls).sum();
        long gradientCalls = counted.stream().mapToLong(c -> c.gradientCalls).sum();
        assertEquals(4 * 8, valueCalls, "one evaluation at each reset and one per step");
        assertEquals(valueCalls, env.valueEvaluations());
        assertEquals(gradientCalls, env.gradientEvaluations());
    }

    @Test
    void mismatchedDimensionsAreNamed() {
        DiagonalQuadratic two = new DiagonalQuadratic(new double[] {1, 1}, new double[2], new double[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OptimizationEnvironment(List.of(LOGISTIC.get(0), two), List.of(new GradientDescent(0.1)),
                        OptimizationEnvironment.Settings.DEFAULTS, 0));
        assertTrue(e.getMessage().contains("d=4") && e.getMessage().contains("d=2"), e.getMessage());
    }
}
