package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.trajopt.ExpectedCost;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * gps.md §8 test 16, MDGPS bullet, made discriminating: the step records of iteration 0 are replaced by records so
 * far apart that each condition <em>on its own</em> would be driven to a clamp (condition 0 to ×5, condition 1 to
 * ×0.1), while the improvement averaged over conditions gives an unclamped multiplier. MDGPS must apply that one
 * averaged multiplier to every condition.
 *
 * <p>{@code MdgpsTest} checks the shared value on the records the run produced itself, where the per-condition and
 * the shared multipliers can coincide (e.g. when every condition hits the ×5 clamp), and computes its expectation
 * with {@code StepSizeRule}; here the expectation is the formula of gps.md §4.8 written out, and the per-condition
 * alternatives are shown to differ from it.
 */
class MdgpsSharedStepMultiplierTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);
    /** The predicted improvement given to every condition. */
    private static final double PREDICTED = 100;
    /** Baselines: far above, far below and near the realized costs (which are O(10) on these problems). */
    private static final double[] BASELINES = {1000, -1000, 0};
    private static final double STEP_MULT_IN = 2.0;

    @Test
    void oneMultiplierFromTheMeanImprovementIsAppliedToEveryCondition() {
        GpsConfig config = GpsConfig.tiny();
        // the hand formula below hard-codes Li's clamps: per iteration [0.1, 5], stepMult [0.01, 10]
        assertEquals(new StepSizeRule(0.1, 5, 0.01, 10), config.stepSizeRule());
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(new MlpArchitecture(
                config.preset().observationLayout(4).dimension(), config.hiddenUnits(), 4, config.activation()), 3);
        Mdgps mdgps = new Mdgps(config, CONDITIONS, policy, new WeightedPolicyRegression(policy, config.regression()));
        Mdgps.Outcome first = mdgps.iterate(0, initialStates(config));

        List<ConditionState> rigged = new ArrayList<>();
        for (int m = 0; m < CONDITIONS.size(); m++) {
            ConditionState s = first.states().get(m);
            rigged.add(new ConditionState(s.controller(), s.eta(), STEP_MULT_IN,
                    new ConditionState.StepRecord(BASELINES[m], BASELINES[m] - PREDICTED), s.dynamics(), s.cost(),
                    s.linearizedPolicy(), s.duals()));
        }
        Mdgps.Outcome second = mdgps.iterate(1, rigged);

        // actual_m = baseline_m − cost(π̄_cur; dyn_cur), the MDGPS laplace rule of gps.md §4.8
        double meanActual = 0;
        double[] actual = new double[CONDITIONS.size()];
        for (int m = 0; m < CONDITIONS.size(); m++) {
            ConditionState after = second.states().get(m);
            double realized = ExpectedCost.total(after.linearizedPolicy(), after.dynamics(), after.cost());
            assertTrue(Double.isFinite(realized) && Math.abs(realized) < 100,
                    "the rigged baselines assume realized costs of moderate size, got " + realized);
            actual[m] = BASELINES[m] - realized;
            meanActual += actual[m] / CONDITIONS.size();
        }
        double shared = clamp(STEP_MULT_IN * clamp(multiplier(PREDICTED, meanActual), 0.1, 5), 0.01, 10);
        // the shared multiplier is interior, so the assertion below tests the averaging and not a clamp
        double sharedRaw = multiplier(PREDICTED, meanActual);
        assertTrue(sharedRaw > 0.1 && sharedRaw < 5, "raw shared multiplier " + sharedRaw);

        assertEquals(shared, second.record().stepMultiplier(), 1e-12 * shared, "the record's stepMult");
        for (int m = 0; m < CONDITIONS.size(); m++) {
            assertEquals(shared, second.states().get(m).stepMultiplier(), 1e-12 * shared,
                    "MDGPS applies the one shared stepMult to condition " + m);
        }
        // per condition, the rule would have given ×5 and ×0.1: a per-condition implementation cannot pass above
        assertEquals(5.0, clamp(multiplier(PREDICTED, actual[0]), 0.1, 5), 0.0);
        assertEquals(0.1, clamp(multiplier(PREDICTED, actual[1]), 0.1, 5), 0.0);
        assertNotEquals(shared, STEP_MULT_IN * 5.0);
        assertNotEquals(shared, STEP_MULT_IN * 0.1);
    }

    /** pred / (2·max(1e-4, pred − actual)) of gps.md §4.8, before clamping. */
    private static double multiplier(double predicted, double actual) {
        return predicted / (2 * Math.max(1e-4, predicted - actual));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
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
