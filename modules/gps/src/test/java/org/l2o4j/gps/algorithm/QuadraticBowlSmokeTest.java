package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.model.LinearGaussianController;

/**
 * gps.md §8 test 18 exactly as specified: 2-D quadratic bowls, T = 10, M = 4 conditions, N = 5 samples, 5 GPS
 * iterations (MDGPS, the default coupling, on {@link GpsConfig#tiny()}'s small networks and GMMs), fixed seed.
 * <ul>
 *   <li>the local controllers' mean sample cost falls from iteration 0 to iteration 4;</li>
 *   <li>the final π_θ (mean action, no noise) is no worse than the initial momentum controllers, whose cost is
 *       computed here by a directly coded truncated heavy-ball loop rather than through the GPS environment;</li>
 *   <li>a second run with the same seed is bit-identical: records, policy, controllers, η and stepMult.</li>
 * </ul>
 * {@link GpsSmokeTest} runs the same checks on logistic regression, and {@code GuidedPolicySearchTest} compares
 * checkpoint bytes; neither uses the bowls, five iterations or the independent momentum baseline.
 */
class QuadraticBowlSmokeTest {

    private static final int ITERATIONS = 5;

    /**
     * Four ill-conditioned-enough bowls (κ between 3 and 6) with different minimizers and starts, so that a single
     * fixed-step method cannot be optimal on all of them and the conditions do not coincide.
     */
    private static List<Condition> bowls() {
        double[][] curvature = {{1, 4}, {0.5, 2}, {3, 0.6}, {2, 0.5}};
        double[][] center = {{0.5, -1}, {-1, 0.5}, {1, 1}, {0, -0.5}};
        double[][] start = {{-2, 1}, {1.5, -2}, {-1, 3}, {2.5, 1.5}};
        List<Condition> conditions = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            conditions.add(Condition.of(new DiagonalQuadratic(curvature[m], center[m], start[m])));
        }
        return conditions;
    }

    private static GpsConfig config() {
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).iterations(ITERATIONS).build();
        // the spec fixes these three; fail loudly if tiny() ever drifts away from them
        assertEquals(10, config.horizon());
        assertEquals(5, config.samplesPerCondition());
        assertEquals(GpsConfig.Coupling.MDGPS, config.coupling());
        return config;
    }

    @Test
    void costFallsPolicyBeatsMomentumAndRunsAreBitIdentical() {
        List<Condition> conditions = bowls();
        GpsConfig config = config();
        List<IterationRecord> records = new ArrayList<>();
        GuidedPolicySearch.Result result = new GuidedPolicySearch(config, conditions).train(records::add);
        assertEquals(ITERATIONS, records.size());

        double first = records.get(0).meanSampleCost();
        double last = records.get(ITERATIONS - 1).meanSampleCost();
        assertTrue(Double.isFinite(first) && Double.isFinite(last), first + " → " + last);
        assertTrue(last < first, "the local controllers' mean sample cost must fall over 5 iterations: " + first
                + " → " + last);

        double momentum = momentumBaseline(config, conditions);
        double trained = PolicyEvaluation.meanCost(result.policy(), config.preset(), conditions, config.horizon());
        assertEquals(records.get(ITERATIONS - 1).meanPolicyCost(), trained,
                "the record's policy cost is the final policy's mean-action cost");
        System.out.printf("bowls: samples %.6f -> %.6f; final policy %.6f; momentum controllers %.6f%n", first, last,
                trained, momentum);
        assertTrue(trained <= momentum, "final π_θ " + trained + " must be no worse than the momentum controllers "
                + momentum);

        // Same seed, fresh trainer: every number the run produces must repeat bit for bit (gps.md §5 item 10).
        List<IterationRecord> again = new ArrayList<>();
        GuidedPolicySearch.Result repeat = new GuidedPolicySearch(config(), bowls()).train(again::add);
        assertEquals(records.size(), again.size());
        for (int i = 0; i < records.size(); i++) {
            IterationRecord a = records.get(i);
            IterationRecord b = again.get(i);
            // seconds are wall-clock and may differ; every computed field must not
            assertEquals(a.meanSampleCost(), b.meanSampleCost(), 0.0, "sample cost, iteration " + i);
            assertEquals(a.meanPolicyCost(), b.meanPolicyCost(), 0.0, "policy cost, iteration " + i);
            assertEquals(a.meanKlNats(), b.meanKlNats(), 0.0, "KL, iteration " + i);
            assertEquals(a.meanEta(), b.meanEta(), 0.0, "η, iteration " + i);
            assertEquals(a.stepMultiplier(), b.stepMultiplier(), 0.0, "stepMult, iteration " + i);
            assertEquals(a.etaBumps(), b.etaBumps(), "η raises, iteration " + i);
        }
        assertArrayEquals(result.policy().parameters(), repeat.policy().parameters(), 0.0, "θ");
        assertArrayEquals(result.policy().logStd(), repeat.policy().logStd(), 0.0, "log σ");
        assertArrayEquals(result.policy().normalization().mean(), repeat.policy().normalization().mean(), 0.0);
        assertArrayEquals(result.policy().normalization().std(), repeat.policy().normalization().std(), 0.0);
        for (int m = 0; m < conditions.size(); m++) {
            ConditionState a = result.states().get(m);
            ConditionState b = repeat.states().get(m);
            assertEquals(a.eta(), b.eta(), 0.0, "η of condition " + m);
            assertEquals(a.stepMultiplier(), b.stepMultiplier(), 0.0, "stepMult of condition " + m);
            LinearGaussianController p = a.controller();
            LinearGaussianController q = b.controller();
            for (int t = 0; t < p.horizon(); t++) {
                assertArrayEquals(p.gain(t), q.gain(t), 0.0, "K of condition " + m + " at t = " + t);
                assertArrayEquals(p.offset(t), q.offset(t), 0.0, "k of condition " + m + " at t = " + t);
                assertArrayEquals(p.covariance(t), q.covariance(t), 0.0, "Σ of condition " + m + " at t = " + t);
            }
        }
    }

    /**
     * Mean over conditions of Σ_{t<T} f(x_t) for the heavy-ball run with the (β, lr) the momentum grid chose:
     * Δx_t = −lr Σ_j β^j ∇f(x_{t−j}) over the gradient lags the state layout holds (missing history counts as 0,
     * the zero-padding of gps.md §2). Coded directly on the bowl, so it does not go through the L2O environment or
     * the controller's gain matrix; it is cross-checked against the initializer's controller run through the
     * environment, so that the baseline really is "the initial momentum controller".
     */
    private static double momentumBaseline(GpsConfig config, List<Condition> conditions) {
        MomentumGridInitializer grid = new MomentumGridInitializer(config.preset(), config.horizon(),
                MomentumGridInitializer.LI_MALIK_MOMENTA, MomentumGridInitializer.LI_MALIK_STEP_SIZES,
                config.initialActionVariance(), DivergenceRule.DEFAULT);
        FeatureLayout layout = config.preset().stateLayout(2);
        double total = 0;
        for (Condition c : conditions) {
            MomentumGridInitializer.Choice choice = grid.search(c);
            double direct = heavyBallCost((DiagonalQuadratic) c.problem(), c.initialPoint(), choice.momentum(),
                    choice.stepSize(), layout, config.horizon());
            double viaEnvironment = TinyRuns.noiselessCost(config.preset(), config.horizon(), c,
                    grid.initialController(c));
            assertEquals(direct, viaEnvironment, 1e-12 * Math.abs(direct),
                    "the momentum controller is the truncated heavy-ball update");
            total += direct;
        }
        return total / conditions.size();
    }

    private static double heavyBallCost(DiagonalQuadratic f, double[] x0, double beta, double lr,
            FeatureLayout layout, int horizon) {
        int d = x0.length;
        double[] x = x0.clone();
        List<double[]> gradients = new ArrayList<>();
        double cost = 0;
        for (int t = 0; t < horizon; t++) {
            cost += f.value(x, 0);
            if (t == horizon - 1) {
                break;
            }
            double[] g = new double[d];
            f.valueAndGradient(x, 0, g, 0);
            gradients.add(g);
            double[] step = new double[d];
            double weight = lr;
            for (int lag = 0; lag <= layout.maxGradientLag(); lag++) {
                int index = gradients.size() - 1 - lag;
                if (layout.gradientOffset(lag) >= 0 && index >= 0) {
                    for (int i = 0; i < d; i++) {
                        step[i] -= weight * gradients.get(index)[i];
                    }
                }
                weight *= beta;
            }
            for (int i = 0; i < d; i++) {
                x[i] += step[i];
            }
        }
        return cost;
    }
}
