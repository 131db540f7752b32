package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 6: over ε from 0.01 to 10 the final KL is within 10 % of ε whenever the constraint is active (KL at
 * ηmin exceeds ε); KL(p_η ‖ anchor) is non-increasing in η on random problems; a search warm-started from the
 * returned η converges in at most 3 backward calls.
 */
class EtaSearchTest {

    private final LqgKlTrajectoryOptimizer optimizer = new LqgKlTrajectoryOptimizer(EtaSearchSettings.liMalik());

    @Test
    void finalKlIsWithinTenPercentOfTheBudgetWheneverActive() {
        RandomGenerator rng = Seeds.rng(8);
        int dX = 3;
        int dU = 2;
        int horizon = 5;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(
                RandomProblems.cost(rng, dX, dU, horizon, 0.5), RandomProblems.controller(rng, dX, dU, horizon));
        double klAtFloor = klAt(builder, dynamics, optimizer.settings().etaMin());
        int active = 0;
        for (double epsilon : new double[] {0.01, 0.03, 0.1, 0.3, 1, 3, 10}) {
            TrajectoryOptimizationResult result = optimizer.optimize(dynamics, builder, epsilon, 1.0);
            if (klAtFloor > epsilon) {
                active++;
                assertTrue(result.converged(), "ε = " + epsilon + " is active but the search did not converge");
                assertEquals(epsilon, result.klNats(), 0.1 * epsilon, "final KL for ε = " + epsilon);
            }
            assertTrue(!result.constraintViolated(), "KL " + result.klNats() + " exceeds 1.1 ε = " + 1.1 * epsilon);
        }
        assertTrue(active >= 5, "the grid should mostly exercise the active case, got " + active);
    }

    @Test
    void klIsNonIncreasingInEta() {
        RandomGenerator rng = Seeds.rng(9);
        for (int trial = 0; trial < 10; trial++) {
            int dX = 2 + trial % 3;
            int dU = 1 + trial % 2;
            int horizon = 4;
            LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
            AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(
                    RandomProblems.cost(rng, dX, dU, horizon, 0.5), RandomProblems.controller(rng, dX, dU, horizon));
            double previous = Double.POSITIVE_INFINITY;
            for (double eta = 1e-3; eta <= 1e4; eta *= 2) {
                double kl = klAt(builder, dynamics, eta);
                assertTrue(kl <= previous * (1 + 1e-9) + 1e-12,
                        "trial " + trial + ": KL rose from " + previous + " to " + kl + " at η = " + eta);
                previous = kl;
            }
        }
    }

    @Test
    void warmStartConvergesInAtMostThreeCalls() {
        RandomGenerator rng = Seeds.rng(10);
        int dX = 4;
        int dU = 2;
        int horizon = 6;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        QuadraticCost cost = RandomProblems.cost(rng, dX, dU, horizon, 0.5);
        LinearGaussianController anchor = RandomProblems.controller(rng, dX, dU, horizon);
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(cost, anchor);
        double epsilon = StepSizeRule.klBudgetNats(0.2, 1, horizon);
        TrajectoryOptimizationResult cold = optimizer.optimize(dynamics, builder, epsilon, 1.0);
        assertTrue(cold.converged(), "the cold search converges");
        TrajectoryOptimizationResult warm = optimizer.optimize(dynamics, builder, epsilon, cold.etaForWarmStart());
        assertTrue(warm.converged() && warm.backwardCalls() <= 3,
                "warm start took " + warm.backwardCalls() + " calls (cold: " + cold.backwardCalls() + ")");
    }

    private double klAt(AugmentedCostBuilder builder, LinearGaussianDynamics dynamics, double eta) {
        LinearGaussianController p = optimizer.robustBackward(builder, dynamics, eta).pass().controller();
        return KlDivergence.total(p, ForwardPass.marginals(p, dynamics), builder.anchor());
    }
}
