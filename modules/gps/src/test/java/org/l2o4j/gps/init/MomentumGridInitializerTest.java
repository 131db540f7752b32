package org.l2o4j.gps.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;

/** gps.md §4.12 and §8 test 13 (last bullet): the momentum controller is heavy ball; the grid search is exact. */
class MomentumGridInitializerTest {

    private static final double LR = 0.3;
    private static final double BETA = 0.88;

    /**
     * With zero noise, u_t = K_t s_t of the momentum controller is the heavy-ball step v_t = β v_{t−1} + ∇f(x_t),
     * Δx = −lr·v_t for every t up to the largest gradient lag the state holds, and the truncated heavy-ball step
     * −lr Σ_{j ≤ L} β^j ∇f(x_{t−j}) after that; both coded here directly on the problem, without features. The sums
     * are the same real numbers added in another order, so they agree to rounding (1e-12 relative).
     */
    @Test
    void zeroNoiseControllerIsHeavyBallOverTheStepsTheHistoryCovers() {
        Problem f = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(5);
        for (FeaturePreset preset : List.of(FeaturePreset.paper(), FeaturePreset.releasedCode(),
                FeaturePreset.paper(6, true), FeaturePreset.releasedCode(6))) {
            int horizon = 40;
            FeatureLayout layout = preset.stateLayout(4);
            int lags = layout.maxGradientLag();
            assertEquals(preset.name().equals(FeaturePreset.PAPER) ? preset.historyLength() - 1
                    : preset.historyLength(), lags);
            LinearGaussianController controller = MomentumGridInitializer.momentumController(layout, horizon, LR,
                    BETA, 0.01);
            double[][] steps = controllerSteps(preset, f, controller, horizon);
            double[][] heavyBall = heavyBall(f, horizon, Integer.MAX_VALUE);
            double[][] truncated = heavyBall(f, horizon, lags);
            for (int t = 0; t < horizon; t++) {
                if (t <= lags) {
                    assertClose(heavyBall[t], steps[t], preset + " t = " + t + " (covered)");
                }
                assertClose(truncated[t], steps[t], preset + " t = " + t + " (truncated)");
            }
            if (lags < horizon - 1) {
                double gap = 0;
                for (int j = 0; j < 4; j++) {
                    gap = Math.max(gap, Math.abs(heavyBall[horizon - 1][j] - truncated[horizon - 1][j]));
                }
                assertTrue(gap > 1e-9, preset + ": truncation must be visible beyond the history, gap " + gap);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-12 * (1 + Math.abs(expected[j])), what + ", coordinate " + j);
        }
    }

    /** The steps the controller takes with ξ = 0 in the environment. */
    private static double[][] controllerSteps(FeaturePreset preset, Problem f, LinearGaussianController controller,
            int horizon) {
        L2oEnvironment environment = new L2oEnvironment(preset, horizon, DivergenceRule.DEFAULT);
        environment.reset(Condition.of(f), 1);
        double[] state = new double[environment.stateDimension()];
        double[][] steps = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            environment.state(0, state, 0);
            steps[t] = controller.act(state, t, new double[4]);
            if (t < horizon - 1) {
                environment.step(steps[t]);
            }
        }
        return steps;
    }

    /** Heavy ball on f from its initial point, remembering at most {@code lags} past gradients (all when huge). */
    private static double[][] heavyBall(Problem f, int horizon, int lags) {
        int d = f.dimension();
        double[] x = f.initialPoint(0);
        List<double[]> gradients = new ArrayList<>();
        double[] velocity = new double[d];
        double[][] steps = new double[horizon][d];
        for (int t = 0; t < horizon; t++) {
            double[] g = new double[d];
            f.valueAndGradient(x, g);
            gradients.add(g);
            for (int j = 0; j < d; j++) {
                if (lags == Integer.MAX_VALUE) {
                    velocity[j] = BETA * velocity[j] + g[j];
                } else {
                    velocity[j] = 0;
                    double weight = 1;
                    for (int lag = 0; lag <= Math.min(t, lags); lag++) {
                        velocity[j] += weight * gradients.get(t - lag)[j];
                        weight *= BETA;
                    }
                }
                steps[t][j] = -LR * velocity[j];
                x[j] += steps[t][j];
            }
        }
        return steps;
    }

    @Test
    void controllerHasZeroOffsetAndTheInitialVariance() {
        FeatureLayout layout = FeaturePreset.releasedCode().stateLayout(4);
        LinearGaussianController c = MomentumGridInitializer.momentumController(layout, 40, 0.2, 0.9, 0.01);
        assertEquals(233, c.stateDimension());
        assertEquals(4, c.actionDimension());
        assertEquals(40, c.horizon());
        for (int t : new int[] {0, 39}) {
            assertArrayEquals(new double[4], c.offset(t), 0.0);
            assertArrayEquals(new double[] {0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.01},
                    c.covariance(t), 0.0);
            double[] k = c.gain(t);
            assertEquals(-0.2, k[1 * 233 + layout.gradientOffset(0) + 1], 0.0);
            assertEquals(-0.2 * 0.9 * 0.9, k[2 * 233 + layout.gradientOffset(2) + 2], 1e-17);
            assertEquals(0.0, k[layout.block(FeatureLayout.X).offset()], 0.0, "x itself is not fed back");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MomentumGridInitializer.momentumController(FeaturePreset.paper(25, false).stateLayout(4), 40,
                        0.1, 0.9, 0.01));
        assertTrue(e.getMessage().contains("current gradient"), e.getMessage());
    }

    /**
     * On f(x) = ½ Σ a_j (x_j − c_j)² heavy ball is a linear recursion per coordinate; scoring every pair of Li's grid
     * with it directly (a history long enough that nothing is truncated) gives the answer the search must return,
     * including pairs that diverge (lr·a far above 2(1 + β)).
     */
    @Test
    void gridSearchPicksTheBestPairOnAQuadratic() {
        double[] curvature = {1.0, 6.0};
        double[] center = {0.5, -1.0};
        double[] start = {2.0, 1.5};
        int horizon = 20;
        Condition condition = new Condition(new DiagonalQuadratic(curvature, center, start), start);
        MomentumGridInitializer search = MomentumGridInitializer.liMalik(FeaturePreset.releasedCode(25), horizon);
        MomentumGridInitializer.Choice choice = search.search(condition);
        double bestValue = Double.POSITIVE_INFINITY;
        double bestBeta = Double.NaN;
        double bestLr = Double.NaN;
        int diverged = 0;
        for (double beta : MomentumGridInitializer.LI_MALIK_MOMENTA) {
            for (double lr : MomentumGridInitializer.LI_MALIK_STEP_SIZES) {
                double value = 0;
                for (int j = 0; j < 2; j++) {
                    double x = start[j];
                    double v = 0;
                    for (int t = 0; t < horizon - 1; t++) {
                        v = beta * v + curvature[j] * (x - center[j]);
                        x -= lr * v;
                    }
                    value += 0.5 * curvature[j] * (x - center[j]) * (x - center[j]);
                }
                if (!(value < 1e6)) {
                    diverged++;
                } else if (value < bestValue) {
                    bestValue = value;
                    bestBeta = beta;
                    bestLr = lr;
                }
            }
        }
        assertTrue(diverged > 0, "the grid must include diverging pairs for this test to cover them");
        assertEquals(bestBeta, choice.momentum(), 0.0);
        assertEquals(bestLr, choice.stepSize(), 0.0);
        assertEquals(bestValue, choice.finalValue(), 1e-9 * (1 + bestValue));
        LinearGaussianController chosen = search.initialController(condition);
        LinearGaussianController expected = MomentumGridInitializer.momentumController(
                FeaturePreset.releasedCode(25).stateLayout(2), horizon, bestLr, bestBeta, 0.01);
        assertArrayEquals(expected.gain(7), chosen.gain(7), 0.0);
    }

    @Test
    void gridSearchIsDeterministicAndRejectsAnAllDivergingGrid() {
        Condition condition = Condition.of(new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(8));
        MomentumGridInitializer search = MomentumGridInitializer.liMalik(FeaturePreset.releasedCode(), 40);
        assertEquals(search.search(condition), search.search(condition));
        Condition bowl = new Condition(new DiagonalQuadratic(new double[] {100}, new double[1], new double[] {1}),
                new double[] {1});
        MomentumGridInitializer tooLarge = new MomentumGridInitializer(FeaturePreset.paper(), 40, List.of(0.9),
                List.of(5.0, 10.0), 0.01, DivergenceRule.DEFAULT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tooLarge.search(bowl));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MomentumGridInitializer(FeaturePreset.paper(), 40,
                List.of(), List.of(0.1), 0.01, DivergenceRule.DEFAULT));
    }

    @Test
    void randomGaussianControllerIgnoresTheState() {
        Condition condition = Condition.of(new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(9));
        LinearGaussianController c = new RandomGaussianInitializer(FeaturePreset.releasedCode(), 40, 0.04)
                .initialController(condition);
        assertEquals(233, c.stateDimension());
        assertEquals(40, c.horizon());
        assertTrue(Arrays.stream(c.gain(3)).allMatch(v -> v == 0));
        assertArrayEquals(new double[4], c.offset(3), 0.0);
        assertEquals(0.04, c.covariance(3)[5], 0.0);
        assertEquals(0.2, c.covarianceCholesky(3)[0], 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> new RandomGaussianInitializer(FeaturePreset.paper(), 40, 0.0));
    }
}
