package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 3: as η → ∞ the augmented cost is dominated by −log anchor, so the new controller tends to the
 * anchor with an error of order 1/η: the error times η stays bounded (within a factor 2 of its value at η = 1e3)
 * while η grows by five orders of magnitude.
 */
class LargeEtaTest {

    @Test
    void controllerConvergesToTheAnchorAtRateOneOverEta() {
        RandomGenerator rng = Seeds.rng(3);
        int dX = 3;
        int dU = 2;
        int horizon = 5;
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, dX, dU, horizon);
        QuadraticCost cost = RandomProblems.cost(rng, dX, dU, horizon, 1.0);
        LinearGaussianController anchor = RandomProblems.controller(rng, dX, dU, horizon);
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(cost, anchor);
        double reference = Double.NaN;
        for (double eta = 1e3; eta <= 1e8; eta *= 10) {
            LinearGaussianController p = BackwardPass.run(builder.at(eta), dynamics).controller();
            double error = 0;
            for (int t = 0; t < horizon; t++) {
                error = Math.max(error, RandomProblems.maxAbsDifference(anchor.gain(t), p.gain(t)));
                error = Math.max(error, RandomProblems.maxAbsDifference(anchor.offset(t), p.offset(t)));
                error = Math.max(error, RandomProblems.maxAbsDifference(anchor.covariance(t), p.covariance(t)));
            }
            double scaled = error * eta;
            if (Double.isNaN(reference)) {
                reference = scaled;
                assertTrue(reference > 0, "the cost must pull the controller away from the anchor at finite η");
            }
            assertTrue(scaled <= 2 * reference && scaled >= 0.5 * reference,
                    "η·error = " + scaled + " at η = " + eta + " drifts from " + reference + ": not O(1/η)");
        }
    }
}
