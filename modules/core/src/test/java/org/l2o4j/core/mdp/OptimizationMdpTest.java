package org.l2o4j.core.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.testkit.DiagonalQuadratic;

class OptimizationMdpTest {

    private static final DiagonalQuadratic A = new DiagonalQuadratic(new double[] {1, 4}, new double[] {1, -1},
            new double[] {3, 2});
    private static final DiagonalQuadratic B = new DiagonalQuadratic(new double[] {0.5, 2}, new double[] {0, 2},
            new double[] {-1, 1});
    private static final List<Problem> PROBLEMS = List.of(A, B);
    private static final List<double[]> STARTS = List.of(A.initialPoint(0), B.initialPoint(0));

    private static OptimizationMdp mdp(FeaturePreset preset, int horizon) {
        OptimizationMdp m = new OptimizationMdp(preset, horizon, DivergenceRule.DEFAULT);
        m.reset(PROBLEMS, STARTS);
        return m;
    }

    @Test
    void everyStepChargesOneValueAndOneGradientPerActiveProblemAndCostsAreTheObjective() {
        OptimizationMdp m = mdp(FeaturePreset.paper(), 6);
        ProblemBatch b = m.batch();
        assertEquals(1, b.valueEvaluations(0));
        assertEquals(1, b.gradientEvaluations(1));
        RandomGenerator rng = Seeds.rng(3);
        double[][] x = {A.initialPoint(0), B.initialPoint(0)};
        for (int t = 1; t <= 6; t++) {
            assertFalse(m.isDone());
            double[] u = Seeds.gaussian(rng, 4);
            m.step(u);
            assertEquals(t, m.time());
            for (int i = 0; i < 2; i++) {
                x[i][0] += u[2 * i];
                x[i][1] += u[2 * i + 1];
                assertEquals(t + 1, b.valueEvaluations(i));
                assertEquals(t + 1, b.gradientEvaluations(i));
                assertEquals(0, b.hessianEvaluations(i));
                assertEquals(PROBLEMS.get(i).value(x[i]), m.cost(i), 0.0);
                assertEquals(PROBLEMS.get(i).value(x[i]), m.costs()[i][t], 0.0);
            }
        }
        assertTrue(m.isDone());
        IllegalStateException done = assertThrows(IllegalStateException.class, () -> m.step(new double[4]));
        assertTrue(done.getMessage().contains("horizon 6"), done.getMessage());
        assertEquals(A.value(A.initialPoint(0)), m.costs()[0][0], 0.0);
    }

    @Test
    void aDivergingProblemIsFrozenUnchargedAndNaNWhileTheOtherGoesOn() {
        OptimizationMdp m = mdp(FeaturePreset.releasedCode(4), 5);
        m.step(new double[] {0.1, 0.1, 0.1, 0.1});
        m.step(new double[] {1e300, 1e300, 0.1, 0.1});  // f(A) overflows to ∞: diverged at t = 2
        assertFalse(m.isActive(0));
        assertTrue(m.isActive(1));
        assertEquals(2, m.divergedAt(0));
        assertEquals(-1, m.divergedAt(1));
        assertTrue(Double.isNaN(m.cost(0)));
        assertEquals(3, m.batch().valueEvaluations(0), "the diverging step's evaluation is charged");
        double[] frozen = m.batch().x().clone();
        m.step(new double[] {1, 1, 0.1, 0.1});
        assertEquals(3, m.batch().valueEvaluations(0), "then nothing more");
        assertEquals(4, m.batch().valueEvaluations(1));
        assertEquals(frozen[0], m.batch().x()[0], 0.0);
        double[][] costs = m.costs();
        assertTrue(Double.isFinite(costs[0][1]));
        assertTrue(Double.isNaN(costs[0][2]) && Double.isNaN(costs[0][3]));
        assertTrue(Double.isFinite(costs[1][3]));
        assertTrue(Double.isNaN(costs[1][4]), "not reached yet");

        m.step(new double[4]);
        m.step(new double[4]);
        assertTrue(m.isDone());
    }

    @Test
    void theEpisodeEndsEarlyWhenEveryProblemDiverged() {
        OptimizationMdp m = mdp(FeaturePreset.paper(), 10);
        m.step(new double[] {Double.NaN, 0, Double.POSITIVE_INFINITY, 0});
        assertTrue(m.isDone());
        assertEquals(1, m.time());
    }

    @Test
    void badInputsAreNamed() {
        OptimizationMdp fresh = new OptimizationMdp(FeaturePreset.paper(), 3, DivergenceRule.DEFAULT);
        assertThrows(IllegalStateException.class, () -> fresh.step(new double[4]));
        OptimizationMdp m = mdp(FeaturePreset.paper(), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.step(new double[5]));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("4"), e.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> m.reset(List.of(A), List.of(new double[] {Double.NaN, 0})));
        assertTrue(start.getMessage().contains("starting point"), start.getMessage());
        m.step(new double[4]);
        assertEquals(1, m.time(), "a rejected reset leaves the running episode intact");
        assertThrows(IllegalArgumentException.class,
                () -> new OptimizationMdp(FeaturePreset.paper(), 0, DivergenceRule.DEFAULT));
    }

    @Test
    void sameActionsGiveBitIdenticalEpisodesAcrossResets() {
        OptimizationMdp m = new OptimizationMdp(FeaturePreset.releasedCode(3), 8, DivergenceRule.DEFAULT);
        double[][][] observations = new double[2][9][];
        double[][][] costs = new double[2][][];
        for (int run = 0; run < 2; run++) {
            m.reset(PROBLEMS, STARTS);
            RandomGenerator rng = Seeds.rng(11);
            int dO = m.observationLayout().dimension();
            for (int t = 0; t <= 8; t++) {
                observations[run][t] = new double[2 * dO];
                m.observations(observations[run][t]);
                if (t < 8) {
                    m.step(Seeds.gaussian(rng, 4));
                }
            }
            costs[run] = m.costs();
        }
        for (int t = 0; t <= 8; t++) {
            assertArrayEquals(observations[0][t], observations[1][t], 0.0);
        }
        assertArrayEquals(costs[0][1], costs[1][1], 0.0);
    }

    /**
     * gps.md §8 test 13, last bullet: the momentum controller of §4.12, K = −lr·I on the current gradient and −lr·β^j·I on
     * the gradient j steps back, applied to the state s_t, reproduces a directly coded heavy-ball update while t ≤ the
     * oldest lag held.
     */
    @Test
    void momentumControllerOnTheStateReproducesHeavyBall() {
        double lr = 0.1;
        double beta = 0.85;
        for (FeaturePreset preset : List.of(FeaturePreset.releasedCode(5), FeaturePreset.paper(5, true))) {
            OptimizationMdp m = mdp(preset, 12);
            FeatureLayout layout = m.stateLayout();
            int d = 2;
            int oldest = layout.maxGradientLag();
            double[] state = new double[layout.dimension()];
            double[] u = new double[4];

            double[][] x = {A.initialPoint(0), B.initialPoint(0)};
            double[][] v = new double[2][d];
            double[] g = new double[d];
            boolean differedAfterTruncation = false;
            for (int t = 0; t < 12; t++) {
                for (int i = 0; i < 2; i++) {
                    m.state(i, state, 0);
                    for (int j = 0; j < d; j++) {
                        double action = 0;
                        for (int lag = 0; lag <= oldest; lag++) {
                            action += -lr * Math.pow(beta, lag) * state[layout.gradientOffset(lag) + j];
                        }
                        u[i * d + j] = action;
                    }
                    PROBLEMS.get(i).valueAndGradient(x[i], g);
                    for (int j = 0; j < d; j++) {
                        v[i][j] = beta * v[i][j] + g[j];
                        x[i][j] -= lr * v[i][j];
                    }
                }
                m.step(u);
                for (int i = 0; i < 2; i++) {
                    double[] mdpX = Arrays.copyOfRange(m.batch().x(), i * d, i * d + d);
                    if (t <= oldest) {
                        assertArrayEquals(x[i], mdpX, 1e-12, preset.name() + " problem " + i + " t=" + t);
                    } else {
                        differedAfterTruncation |= Math.abs(x[i][0] - mdpX[0]) > 1e-9;
                    }
                }
            }
            assertTrue(differedAfterTruncation, "gradients older than H steps are forgotten, so the paths part");
        }
    }
}
