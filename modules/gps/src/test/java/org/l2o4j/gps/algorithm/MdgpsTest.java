package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.trajopt.ExpectedCost;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.WeightedPolicyRegression;

/** One MDGPS iteration at a time (gps.md §3, §4.8; §8 test 16's MDGPS bullet). */
class MdgpsTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);

    @Test
    void stepMultiplierIsSharedAndFollowsTheLaplaceRuleOnTheMeanImprovement() {
        GpsConfig config = GpsConfig.tiny();
        Mdgps mdgps = newMdgps(config);
        List<ConditionState> initial = initialStates(config);

        Mdgps.Outcome first = mdgps.iterate(0, initial);
        assertEquals(1.0, first.record().stepMultiplier(), "iteration 0 does not adapt the step");
        double epsilon = StepSizeRule.klBudgetNats(config.klStepPerTimeStep(), 1.0, config.horizon());
        assertEquals(0, first.record().unconvergedEtaSearches());
        assertTrue(Math.abs(first.record().meanKlNats() - epsilon) < 0.1 * epsilon,
                "each C-step meets KL ≈ ε = " + epsilon + ", mean KL " + first.record().meanKlNats());
        for (ConditionState s : first.states()) {
            // the step record holds cost(π̄_0; dyn_0) and cost(p_1; dyn_0) under iteration 0's cost model
            assertNotNull(s.previous());
            assertEquals(ExpectedCost.total(s.linearizedPolicy(), s.dynamics(), s.cost()),
                    s.previous().baselineCost());
            assertEquals(ExpectedCost.total(s.controller(), s.dynamics(), s.cost()), s.previous().predictedCost());
        }

        Mdgps.Outcome second = mdgps.iterate(1, first.states());
        List<StepSizeRule.Improvement> improvements = new ArrayList<>();
        for (int m = 0; m < CONDITIONS.size(); m++) {
            ConditionState before = first.states().get(m);
            ConditionState after = second.states().get(m);
            double actualNew = ExpectedCost.total(after.linearizedPolicy(), after.dynamics(), after.cost());
            improvements.add(StepSizeRule.Improvement.of(before.previous().baselineCost(),
                    before.previous().predictedCost(), actualNew));
        }
        double expected = config.stepSizeRule().nextStepMultiplier(1.0, StepSizeRule.Improvement.mean(improvements));
        assertEquals(expected, second.record().stepMultiplier());
        for (ConditionState s : second.states()) {
            assertEquals(expected, s.stepMultiplier(), "MDGPS applies one multiplier to every condition");
        }
    }

    @Test
    void laterIterationsNeedThePreviousStepRecord() {
        GpsConfig config = GpsConfig.tiny();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> newMdgps(config).iterate(1, initialStates(config)));
        assertTrue(e.getMessage().contains("step record"), e.getMessage());
    }

    @Test
    void rejectsConditionsOfMixedDimensionNamingTheCondition() {
        GpsConfig config = GpsConfig.tiny();
        List<Condition> mixed = new ArrayList<>(CONDITIONS);
        mixed.add(Condition.of(new DiagonalQuadratic(new double[] {1, 2}, new double[2], new double[] {1, 1})));
        GaussianMlpPolicy policy = policy(config);
        WeightedPolicyRegression regression = new WeightedPolicyRegression(policy, config.regression());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mdgps(config, mixed, policy, regression));
        assertTrue(e.getMessage().contains("condition 3"), e.getMessage());
    }

    private static Mdgps newMdgps(GpsConfig config) {
        GaussianMlpPolicy policy = policy(config);
        return new Mdgps(config, CONDITIONS, policy, new WeightedPolicyRegression(policy, config.regression()));
    }

    private static GaussianMlpPolicy policy(GpsConfig config) {
        return GaussianMlpPolicy.initialize(new MlpArchitecture(config.preset().observationLayout(4).dimension(),
                config.hiddenUnits(), 4, config.activation()), 3);
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
