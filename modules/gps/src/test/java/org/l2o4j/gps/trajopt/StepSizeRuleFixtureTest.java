package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l2o4j.gps.trajopt.Fixtures.assertArray;
import static org.l2o4j.gps.trajopt.Fixtures.flat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.trajopt.StepSizeRule.Improvement;

/**
 * gps.md §8 tests 16 (rule and clamps) and 19 ({@code step_adjust.json}): every rule case, the local-only
 * iteration-1 step adjustment and the MDGPS {@code laplace} and {@code mc} adjustments. Tolerance 1e-12 relative for
 * Laplace costs, improvements and multipliers (README §9).
 */
class StepSizeRuleFixtureTest {

    private static final JsonNode FILE = Fixtures.load("step_adjust.json");

    @Test
    void everyRuleCase() {
        for (JsonNode r : FILE.get("rule_cases")) {
            StepSizeRule rule = new StepSizeRule(0.1, 5, r.get("min_step_mult").asDouble(),
                    r.get("max_step_mult").asDouble());
            double expected = r.get("step_mult_out").asDouble();
            double actual = rule.nextStepMultiplier(r.get("step_mult_in").asDouble(),
                    new Improvement(r.get("predicted_impr").asDouble(), r.get("actual_impr").asDouble()));
            assertEquals(expected, actual, 1e-12 * expected, r.get("label").asText());
        }
    }

    @Test
    void multiplierStaysWithinItsClamps() {
        StepSizeRule rule = StepSizeRule.liMalik();
        for (double predicted = -2; predicted <= 2; predicted += 0.25) {
            for (double actual = -3; actual <= 3; actual += 0.25) {
                double m = rule.iterationMultiplier(new Improvement(predicted, actual));
                assertTrue(m >= 0.1 && m <= 5, "multiplier " + m + " for " + predicted + ", " + actual);
                if (actual >= predicted && predicted > 0) {
                    assertEquals(5, m, 0, "all predicted improvement realized: the step grows to the maximum");
                }
            }
        }
        assertEquals(0.1, rule.iterationMultiplier(new Improvement(1, -100)), 0, "actual ≪ predicted");
    }

    @Test
    void mdgpsAveragesConditionsAndBadmmAddsWeightedKl() {
        Improvement shared = Improvement.mean(List.of(new Improvement(1, 0.5), new Improvement(3, 0.5)));
        assertEquals(2, shared.predicted(), 0);
        assertEquals(0.5, shared.actual(), 0);
        assertEquals(2 / (2 * 1.5), StepSizeRule.liMalik().iterationMultiplier(shared), 1e-15);
        double augmented = Improvement.policyAugmentedCost(new double[] {1, 2, 3}, new double[] {0.5, 0, 2},
                new double[] {4, 100, 0.25});
        assertEquals(1 + 2 + 3 + 0.5 * 4 + 0 * 100 + 2 * 0.25, augmented, 1e-15);
    }

    @Test
    void localOnlyIteration() {
        JsonNode c = FILE.get("local_only_iteration").get(0);
        JsonNode previous = c.get("previous");
        JsonNode current = c.get("current");
        int dX = 3;
        int dU = 2;
        LinearGaussianController previousController = Fixtures.controller(previous.get("traj_distr"), dX, dU);
        LinearGaussianController newController = Fixtures.controller(current.get("traj_distr"), dX, dU);
        LinearGaussianDynamics previousDynamics = Fixtures.dynamics(previous.get("traj_info"), dX, dU);
        LinearGaussianDynamics currentDynamics = Fixtures.dynamics(current.get("traj_info"), dX, dU);
        QuadraticCost previousCost = Fixtures.cost(previous.get("traj_info"), dX, dU);
        QuadraticCost currentCost = Fixtures.cost(current.get("traj_info"), dX, dU);

        double[] baseline = laplace(previousController, previousDynamics, previousCost);
        double[] predicted = laplace(newController, previousDynamics, previousCost);
        double[] realized = laplace(newController, currentDynamics, currentCost);
        assertArray(flat(c.get("previous_laplace_per_t")), baseline, 1e-12, "previous");
        assertArray(flat(c.get("new_predicted_laplace_per_t")), predicted, 1e-12, "new, predicted");
        assertArray(flat(c.get("new_actual_laplace_per_t")), realized, 1e-12, "new, actual");

        Improvement improvement = Improvement.of(ExpectedCost.sum(baseline), ExpectedCost.sum(predicted),
                ExpectedCost.sum(realized));
        assertImprovement(c, improvement);
        StepSizeRule rule = new StepSizeRule(0.1, 5, c.get("settings").get("min_step_mult").asDouble(),
                c.get("settings").get("max_step_mult").asDouble());
        assertEquals(c.get("step_mult_out").asDouble(),
                rule.nextStepMultiplier(c.get("step_mult_in").asDouble(), improvement), 1e-12);
    }

    @Test
    void mdgpsLaplaceAndMonteCarloRules() {
        for (JsonNode c : FILE.get("mdgps")) {
            String name = c.get("name").asText();
            JsonNode previous = c.get("previous");
            JsonNode current = c.get("current");
            int dX = 3;
            int dU = 2;
            LinearGaussianDynamics previousDynamics = Fixtures.dynamics(previous.get("traj_info"), dX, dU);
            LinearGaussianDynamics currentDynamics = Fixtures.dynamics(current.get("traj_info"), dX, dU);
            QuadraticCost previousCost = Fixtures.cost(previous.get("traj_info"), dX, dU);
            QuadraticCost currentCost = Fixtures.cost(current.get("traj_info"), dX, dU);
            double[] policyBefore = laplace(Fixtures.policy(previous.get("pol_info"), dX, dU), previousDynamics,
                    previousCost);
            double[] predicted = laplace(Fixtures.controller(previous.get("new_traj_distr"), dX, dU),
                    previousDynamics, previousCost);
            double[] policyAfter = laplace(Fixtures.policy(current.get("pol_info"), dX, dU), currentDynamics,
                    currentCost);
            assertArray(flat(c.get("prev_laplace_per_t")), policyBefore, 1e-12, name + ": π̄_prev");
            assertArray(flat(c.get("prev_predicted_per_t")), predicted, 1e-12, name + ": new, predicted");
            assertArray(flat(c.get("cur_laplace_per_t")), policyAfter, 1e-12, name + ": π̄_cur");

            boolean monteCarlo = name.endsWith("_mc");
            double baseline = monteCarlo ? c.get("prev_mc").asDouble() : ExpectedCost.sum(policyBefore);
            double realized = monteCarlo ? c.get("cur_mc").asDouble() : ExpectedCost.sum(policyAfter);
            Improvement improvement = Improvement.mean(List.of(
                    Improvement.of(baseline, ExpectedCost.sum(predicted), realized)));
            assertImprovement(c, improvement);
            StepSizeRule rule = new StepSizeRule(0.1, 5, c.get("settings").get("min_step_mult").asDouble(),
                    c.get("settings").get("max_step_mult").asDouble());
            double expected = c.get("step_mult_out").asDouble();
            assertEquals(expected, rule.nextStepMultiplier(c.get("step_mult_in").asDouble(), improvement),
                    1e-12 * expected, name + ": step multiplier");
        }
    }

    private static void assertImprovement(JsonNode c, Improvement improvement) {
        double predicted = c.get("predicted_impr").asDouble();
        double actual = c.get("actual_impr").asDouble();
        assertEquals(predicted, improvement.predicted(), 1e-12 * Math.abs(predicted), "predicted improvement");
        assertEquals(actual, improvement.actual(), 1e-12 * Math.abs(actual), "actual improvement");
    }

    private static double[] laplace(LinearGaussianController controller, LinearGaussianDynamics dynamics,
            QuadraticCost cost) {
        return ExpectedCost.perStep(ForwardPass.marginals(controller, dynamics), cost);
    }
}
