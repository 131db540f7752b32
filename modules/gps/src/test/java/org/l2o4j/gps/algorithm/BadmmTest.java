package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.KlDivergence;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.WeightedPolicyRegression;

/** BADMM's duals, targets, weight rule and step-size rule (gps.md §4.8, §4.11; §8 tests 16 and 17). */
class BadmmTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);
    private static final double TOLERANCE = 1e-12;

    /** 1-D controller u = K s + k + N(0, σ²) with one time step. */
    private static LinearGaussianController scalar(double gain, double offset, double variance) {
        return LinearGaussianController.fromCovariances(1, 1, new double[][] {{gain}}, new double[][] {{offset}},
                new double[][] {{variance}});
    }

    /**
     * §4.11 by hand: p = N(2s + 1, 0.5), so P = 2; at s = 1 and s = 3 p's means are 3 and 7 and π_θ's are 2 and 5, so
     * p lies above π by 1.5 on average. With ν = 0.5 and ρ = 0.2, λk = 0 − 0.2·0.5·2·1.5 = −0.3 &lt; 0; the S-step
     * target at s = 1 becomes 3 − 0.5·0.5·(−0.3) = 3.075, above μ_p, i.e. further from μ_θ = 2 in the direction of
     * p, which pulls π up; and the C-step's cost −uᵀλk/(η + ν) now charges large u, which pushes p down.
     */
    @Test
    void whenTheLocalControllerLiesAboveThePolicyLambdaFallsAndTheTargetRises() {
        LinearGaussianController p = scalar(2, 1, 0.5);
        LinearGaussianController linearized = scalar(1.5, 0.5, 0.3);
        BadmmDuals duals = new BadmmDuals(1, 1, new double[] {0.5}, new double[][] {{0}}, new double[][] {{0}});
        double[][][] states = {{{1}}, {{3}}};
        double[][][] policyMeans = {{{2}}, {{5}}};
        assertArrayEquals(new double[] {3}, duals.policyTarget(p, new double[] {1}, 0), TOLERANCE,
                "with λ = 0 the target is p's mean");

        BadmmDuals stepped = duals.afterDualStep(p, states, policyMeans, linearized, 0.2, 0.0);
        assertEquals(-0.3, stepped.dualOffsets()[0][0], TOLERANCE);
        assertEquals(0.0, stepped.dualGains()[0][0], "ρ_K = 0 leaves λK at 0 (Li's setting)");
        assertArrayEquals(new double[] {0.5}, stepped.policyWeights(), "the dual step leaves ν alone");
        assertEquals(3.075, stepped.policyTarget(p, new double[] {1}, 0)[0], TOLERANCE);

        // the C-step's linear term in u is (cv_u + η·a_u[anchor] + ν·a_u[π̄] − λk)/(η + ν): −λk raises it by 0.3/(η+ν)
        QuadraticCost zeroCost = new QuadraticCost(1, 1, new double[][] {new double[4]}, new double[][] {new double[2]},
                new double[] {0});
        double eta = 1.0;
        double before = AugmentedCostBuilder.badmm(zeroCost, p, linearized, duals.policyWeights(),
                duals.dualGains(), duals.dualOffsets()).at(eta).linearTerm(0)[1];
        double after = AugmentedCostBuilder.badmm(zeroCost, p, linearized, stepped.policyWeights(),
                stepped.dualGains(), stepped.dualOffsets()).at(eta).linearTerm(0)[1];
        assertEquals(0.3 / (eta + 0.5), after - before, TOLERANCE);

        // the λK step, when switched on: λK ← −ρ_K·ν·P·(K − K̄) = −0.1·0.5·2·(2 − 1.5) = −0.05; the target at s = 3
        // is then 7 − ν·Σ·(λK·3 + λk) = 7 + 0.25·(0.15 + 0.3)
        BadmmDuals withGain = duals.afterDualStep(p, states, policyMeans, linearized, 0.2, 0.1);
        assertEquals(-0.05, withGain.dualGains()[0][0], TOLERANCE);
        assertEquals(7 + 0.25 * (0.15 + 0.3), withGain.policyTarget(p, new double[] {3}, 0)[0], TOLERANCE);
    }

    /**
     * Rule 3 by hand: KL_t = (0, 1, 1, 1, 3) has mean 1.2 and standard deviation √0.96 ≈ 0.980, so t = 0
     * (0 &lt; 1.2 − 0.980) halves and t = 4 (3 ≥ 1.2 + 0.490) doubles; the others keep their ν.
     */
    @Test
    void policyWeightsFollowLisRuleThree() {
        BadmmDuals duals = new BadmmDuals(1, 1, new double[] {0.01, 0.02, 0.03, 0.04, 0.05}, new double[5][1],
                new double[5][1]);
        BadmmDuals updated = duals.withPolicyWeights(BadmmConfig.PolicyWeightRule.RELATIVE_KL,
                new double[] {0, 1, 1, 1, 3});
        assertArrayEquals(new double[] {0.005, 0.02, 0.03, 0.04, 0.1}, updated.policyWeights(), TOLERANCE);
        // equal KL everywhere: every step sits at mean + 0.5·0 and doubles (the rule's ≥)
        assertArrayEquals(new double[] {0.02, 0.04, 0.06, 0.08, 0.1},
                duals.withPolicyWeights(BadmmConfig.PolicyWeightRule.RELATIVE_KL, new double[] {2, 2, 2, 2, 2})
                        .policyWeights(), TOLERANCE);
        // rule 0: ν_t + 10·KL_t
        assertArrayEquals(new double[] {0.01, 10.02, 10.03, 10.04, 30.05},
                duals.withPolicyWeights(BadmmConfig.PolicyWeightRule.DUAL_ASCENT, new double[] {0, 1, 1, 1, 3})
                        .policyWeights(), TOLERANCE);
    }

    /**
     * §8 test 17's third bullet: for a linear μ_θ(s) = K̄s + k̄ with Σ_π = diag σ², the estimate at the sampled states
     * equals the closed-form KL(p ‖ π̄) of {@link KlDivergence} under marginals whose state moments are the samples'
     * own mean and (1/N) covariance.
     */
    @Test
    void monteCarloKlMatchesTheClosedFormForALinearPolicy() {
        RandomGenerator rng = Seeds.rng(5);
        int dX = 3;
        int dU = 2;
        int horizon = 2;
        int samples = 40;
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[][] policyGains = new double[horizon][];
        double[][] policyOffsets = new double[horizon][];
        double[] variance = {0.3, 0.7};
        double[][] policyCovariances = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            gains[t] = Seeds.gaussian(rng, dU * dX);
            offsets[t] = Seeds.gaussian(rng, dU);
            double c = 0.2 * rng.nextGaussian();
            covariances[t] = new double[] {0.5, c, c, 0.4};
            policyGains[t] = Seeds.gaussian(rng, dU * dX);
            policyOffsets[t] = Seeds.gaussian(rng, dU);
            policyCovariances[t] = new double[] {variance[0], 0, 0, variance[1]};
        }
        LinearGaussianController p = LinearGaussianController.fromCovariances(dX, dU, gains, offsets, covariances);
        LinearGaussianController linearPolicy = LinearGaussianController.fromCovariances(dX, dU, policyGains,
                policyOffsets, policyCovariances);
        double[][][] states = new double[samples][horizon][];
        double[][][] means = new double[samples][horizon][];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                states[n][t] = Seeds.gaussian(rng, dX);
                means[n][t] = linearPolicy.meanAction(states[n][t], t);
            }
        }
        int joint = dX + dU;
        double[][] marginalMeans = new double[horizon][joint];
        double[][] marginalCovariances = new double[horizon][joint * joint];
        for (int t = 0; t < horizon; t++) {
            for (int n = 0; n < samples; n++) {
                for (int i = 0; i < dX; i++) {
                    marginalMeans[t][i] += states[n][t][i] / samples;
                }
            }
            for (int n = 0; n < samples; n++) {
                for (int i = 0; i < dX; i++) {
                    for (int j = 0; j < dX; j++) {
                        marginalCovariances[t][i * joint + j] += (states[n][t][i] - marginalMeans[t][i])
                                * (states[n][t][j] - marginalMeans[t][j]) / samples;
                    }
                }
            }
        }
        double[] closedForm = KlDivergence.perStep(p, new Marginals(dX, dU, marginalMeans, marginalCovariances),
                linearPolicy);
        double[] estimate = Badmm.klToPolicyPerStep(p, states, means, variance);
        assertArrayEquals(closedForm, estimate, 1e-10);
        assertTrue(estimate[0] > 0 && estimate[1] > 0);
    }

    /**
     * The BADMM rule of gps.md §4.8 by hand on a 1-D system with T = 2: x0 ~ N(1, 0.5), s' = s + u + N(0, 0.1),
     * p = N(0.5 s, 1), cost ½s², π̄ = N(0, 2), ν = (0.1, 0.3). Marginals: μ_s = (1, 1.5), Σ_ss = (0.5, 2.225), so
     * E c = 0.75 + 2.2375, and KL_t = ½[0.5 − 1 + ln 2 + ½·0.25·(μ_s² + Σ_ss)].
     */
    @Test
    void augmentedCostAndThePerConditionStepRuleByHand() {
        LinearGaussianController p = LinearGaussianController.fromCovariances(1, 1, new double[][] {{0.5}, {0.5}},
                new double[][] {{0}, {0}}, new double[][] {{1}, {1}});
        LinearGaussianController policy = LinearGaussianController.fromCovariances(1, 1, new double[][] {{0}, {0}},
                new double[][] {{0}, {0}}, new double[][] {{2}, {2}});
        LinearGaussianDynamics dynamics = new LinearGaussianDynamics(1, 1, new double[][] {{1, 1}},
                new double[][] {{0}}, new double[][] {{0.1}}, new double[] {1}, new double[] {0.5});
        QuadraticCost cost = new QuadraticCost(1, 1, new double[][] {{1, 0, 0, 0}, {1, 0, 0, 0}},
                new double[][] {{0, 0}, {0, 0}}, new double[] {0, 0});
        double kl0 = 0.5 * (0.5 - 1 + Math.log(2) + 0.5 * 0.25 * (1 + 0.5));
        double kl1 = 0.5 * (0.5 - 1 + Math.log(2) + 0.5 * 0.25 * (2.25 + 2.225));
        double expected = 0.75 + 2.2375 + 0.1 * kl0 + 0.3 * kl1;
        assertEquals(expected, Badmm.augmentedCost(p, dynamics, cost, policy, new double[] {0.1, 0.3}), 1e-12);

        // three conditions with the same record (baseline 10, predicted 8, so pred = 2) but different outcomes: each
        // gets its own multiplier pred/(2·max(1e-4, pred − actual)), clamped to [0.1, 5], times its own stepMult
        StepSizeRule rule = StepSizeRule.liMalik();
        ConditionState.StepRecord record = new ConditionState.StepRecord(10, 8);
        assertEquals(2.0, Badmm.nextStepMultiplier(rule, 0, new ConditionState(p, 1, 2.0, record, null, null, null),
                9.0), TOLERANCE, "actual 1 of predicted 2: ×1");
        assertEquals(5.0, Badmm.nextStepMultiplier(rule, 1, new ConditionState(p, 1, 1.0, record, null, null, null),
                8.0), TOLERANCE, "all realized: ×5 (clamped)");
        assertEquals(1.0 / 3, Badmm.nextStepMultiplier(rule, 2, new ConditionState(p, 1, 1.0, record, null, null,
                null), 11.0), TOLERANCE, "got worse by 1: 2/(2·3)");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Badmm.nextStepMultiplier(rule, 4, ConditionState.initial(p, 1), 9.0));
        assertTrue(e.getMessage().contains("condition 4"), e.getMessage());
    }

    /**
     * Two real BADMM iterations: iteration 0 creates the duals (ν moved by rule 3 on its last inner round, λK still
     * 0, λk moved), the last inner C-step meets its KL budget, and iteration 1 adapts stepMult per condition; the
     * record reports their mean.
     */
    @Test
    void iterationsCarryTheDualsAndAdaptTheStepPerCondition() {
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).coupling(GpsConfig.Coupling.BADMM).build();
        Badmm badmm = newBadmm(config);
        CouplingStrategy.Outcome first = badmm.iterate(0, initialStates(config));
        assertEquals(1.0, first.record().stepMultiplier(), "iteration 0 does not adapt the step");
        double epsilon = StepSizeRule.klBudgetNats(config.klStepPerTimeStep(), 1.0, config.horizon());
        assertEquals(0, first.record().unconvergedEtaSearches());
        assertTrue(Math.abs(first.record().meanKlNats() - epsilon) < 0.1 * epsilon,
                "the last C-step meets KL(p ‖ anchor) ≈ ε = " + epsilon + ", mean KL " + first.record().meanKlNats());
        double nu0 = config.badmm().initialPolicyWeight();
        for (ConditionState s : first.states()) {
            BadmmDuals duals = s.duals();
            assertNotNull(duals);
            boolean moved = false;
            for (int t = 0; t < config.horizon(); t++) {
                double nu = duals.policyWeights()[t];
                assertTrue(nu == nu0 || nu == 2 * nu0 || nu == 0.5 * nu0, "ν_t = " + nu);
                for (double g : duals.dualGains()[t]) {
                    assertEquals(0.0, g, "λK stays 0 with ρ_K = 0");
                }
                for (double k : duals.dualOffsets()[t]) {
                    moved |= k != 0;
                }
            }
            assertTrue(moved, "the inner dual steps of iteration 0 move λk");
            assertNotNull(s.previous());
            assertEquals(Badmm.augmentedCost(s.controller(), s.dynamics(), s.cost(), s.linearizedPolicy(),
                    duals.policyWeights()), s.previous().predictedCost());
        }

        CouplingStrategy.Outcome second = badmm.iterate(1, first.states());
        double mean = 0;
        for (ConditionState s : second.states()) {
            assertTrue(s.stepMultiplier() >= 0.1 - 1e-15 && s.stepMultiplier() <= 5.0 + 1e-15,
                    "one iteration's multiplier is clamped to [0.1, 5]: " + s.stepMultiplier());
            mean += s.stepMultiplier();
        }
        assertEquals(mean / second.states().size(), second.record().stepMultiplier());

        // Each condition uses its own record and its own stepMult: records far below / above what was realized
        // drive condition 0 to the floor multiplier ×0.1 and conditions 1 and 2 to the ceiling ×5.
        ConditionState.StepRecord worse = new ConditionState.StepRecord(0, 1e6);
        ConditionState.StepRecord better = new ConditionState.StepRecord(1e6, 0);
        List<ConditionState> rigged = List.of(withStep(first.states().get(0), 1.0, worse),
                withStep(first.states().get(1), 1.0, better), withStep(first.states().get(2), 0.5, better));
        CouplingStrategy.Outcome third = newBadmm(config).iterate(1, rigged);
        assertEquals(0.1, third.states().get(0).stepMultiplier(), TOLERANCE);
        assertEquals(5.0, third.states().get(1).stepMultiplier(), TOLERANCE);
        assertEquals(2.5, third.states().get(2).stepMultiplier(), TOLERANCE);
        assertEquals((0.1 + 5.0 + 2.5) / 3, third.record().stepMultiplier(), TOLERANCE);
    }

    private static ConditionState withStep(ConditionState s, double stepMultiplier, ConditionState.StepRecord record) {
        return new ConditionState(s.controller(), s.eta(), stepMultiplier, record, s.dynamics(), s.cost(),
                s.linearizedPolicy(), s.duals());
    }

    @Test
    void laterIterationsNeedTheDuals() {
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).coupling(GpsConfig.Coupling.BADMM).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> newBadmm(config).iterate(1, initialStates(config)));
        assertTrue(e.getMessage().contains("duals"), e.getMessage());
    }

    private static Badmm newBadmm(GpsConfig config) {
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(new MlpArchitecture(
                config.preset().observationLayout(4).dimension(), config.hiddenUnits(), 4, config.activation()), 3);
        return new Badmm(config, CONDITIONS, policy, new WeightedPolicyRegression(policy, config.regression()));
    }

    private static List<ConditionState> initialStates(GpsConfig config) {
        MomentumGridInitializer init = new MomentumGridInitializer(config.preset(), config.horizon(),
                MomentumGridInitializer.LI_MALIK_MOMENTA, MomentumGridInitializer.LI_MALIK_STEP_SIZES,
                config.initialActionVariance(), DivergenceRule.DEFAULT);
        List<ConditionState> states = new ArrayList<>();
        for (Condition c : CONDITIONS) {
            states.add(ConditionState.initial(init.initialController(c), config.initialEta()));
        }
        return states;
    }
}
