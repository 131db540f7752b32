package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.linalg.NotPositiveDefiniteException;
import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 7: an indefinite C_uu with a PD anchor makes the robust backward pass raise η (η_in + δ·2^(j−1)
 * after j failures) until every Q_uu is PD, and every returned Σ_t is SPD; the raises are counted in the search
 * result; NaN dynamics are refused with a message naming the time step; a pass that cannot be repaired below ηmax
 * fails naming the time step.
 */
class NonPositiveDefiniteTest {

    private static QuadraticCost withIndefiniteActionBlock(QuadraticCost cost) {
        int n = cost.stateDimension() + cost.actionDimension();
        double[][] hessians = new double[cost.horizon()][];
        double[][] linear = new double[cost.horizon()][];
        double[] constants = new double[cost.horizon()];
        for (int t = 0; t < cost.horizon(); t++) {
            hessians[t] = cost.hessian(t);
            int u = cost.stateDimension();
            hessians[t][u * n + u] = -5;
            linear[t] = cost.linearTerm(t);
            constants[t] = cost.constant(t);
        }
        return new QuadraticCost(cost.stateDimension(), cost.actionDimension(), hessians, linear, constants);
    }

    @Test
    void raisesEtaUntilEveryQuuIsPositiveDefinite() {
        RandomGenerator rng = Seeds.rng(11);
        int dX = 3;
        int dU = 2;
        int horizon = 5;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        QuadraticCost cost = withIndefiniteActionBlock(RandomProblems.cost(rng, dX, dU, horizon, 0.1));
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(cost,
                RandomProblems.controller(rng, dX, dU, horizon));
        assertFalse(BackwardPass.run(builder.at(1e-3), dynamics).succeeded(), "plain pass at small η fails");

        LqgKlTrajectoryOptimizer optimizer = new LqgKlTrajectoryOptimizer(EtaSearchSettings.cbfinn());
        RobustBackwardResult result = optimizer.robustBackward(builder, dynamics, 1e-3);
        assertTrue(result.etaBumps() > 0, "η was raised");
        assertEquals(1e-3 + 1e-4 * Math.pow(2, result.etaBumps() - 1), result.eta(), 1e-15,
                "η after j raises is η_in + δ·2^(j−1), not cumulative");
        LinearGaussianController controller = result.pass().controller();
        for (int t = 0; t < horizon; t++) {
            assertTrue(Spd.tryCholesky(controller.covariance(t), dU).isPresent(), "Σ at t = " + t + " is SPD");
        }
        TrajectoryOptimizationResult search = optimizer.optimize(dynamics, builder, 100, 1e-3);
        assertTrue(search.etaBumps() > 0, "the search reports its raises");
        assertEquals(search.etaBumps(), search.trace().stream().mapToInt(EtaSearchStep::etaBumps).sum());
    }

    @Test
    void irreparablePassNamesTheTimeStep() {
        RandomGenerator rng = Seeds.rng(12);
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, 2, 1, 3);
        QuadraticCost cost = withIndefiniteActionBlock(RandomProblems.cost(rng, 2, 1, 3, 0.1));
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(cost, RandomProblems.controller(rng, 2, 1, 3));
        LqgKlTrajectoryOptimizer capped = new LqgKlTrajectoryOptimizer(
                new EtaSearchSettings(1e-8, 1e-2, 50, 0.1, 1e-4, false));
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> capped.robustBackward(builder, dynamics, 1e-6));
        assertTrue(e.getMessage().contains("at t = 2"), e.getMessage());
    }

    @Test
    void nanDynamicsAreRefusedNamingTheTimeStep() {
        RandomGenerator rng = Seeds.rng(13);
        LinearGaussianDynamics good = RandomProblems.dynamics(rng, 2, 1, 3);
        double[][] f = {good.transitionMatrix(0), good.transitionMatrix(1)};
        f[1][4] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearGaussianDynamics(2, 1, f, new double[][] {good.transitionOffset(0),
                    good.transitionOffset(1)}, new double[][] {good.noiseCovariance(0), good.noiseCovariance(1)},
                        good.initialStateMean(), good.initialStateCovariance()));
        assertTrue(e.getMessage().contains("F at t = 1") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
