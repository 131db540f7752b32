package org.l2o4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

class LogisticTest {

    @Test
    void log1pAgreesWithTheLibraryToAFewUlps() {
        RandomGenerator rng = Seeds.rng(1);
        double worstUlps = 0;
        for (int k = 0; k < 200_000; k++) {
            // Log-uniform over (1e-300, 1] plus uniform over (-1, 1): tiny, small, and moderate arguments.
            double x = k % 2 == 0 ? Math.pow(10, -300 * rng.nextDouble()) : 2 * rng.nextDouble() - 1;
            double expected = Math.log1p(x);
            worstUlps = Math.max(worstUlps, Math.abs(Logistic.log1p(x) - expected) / Math.ulp(expected));
        }
        assertTrue(worstUlps <= 4, "worst error " + worstUlps + " ulps");
        assertEquals(Math.log(2), Logistic.log1p(1), 0.0);
        assertEquals(0.0, Logistic.log1p(0), 0.0);
    }

    @Test
    void softplusAndSigmoidAreStableAtTheExtremes() {
        assertEquals(800.0, Logistic.softplus(800), 0.0);
        assertEquals(Math.exp(-800), Logistic.softplus(-800), 0.0);
        assertEquals(Math.log(2), Logistic.softplus(0), 0.0);
        assertEquals(1.0, Logistic.sigmoid(800), 0.0);
        assertEquals(Math.exp(-800), Logistic.sigmoid(-800), 0.0);
        assertEquals(0.5, Logistic.sigmoid(0), 0.0);
        for (double z = -30; z <= 30; z += 0.37) {
            double expected = 1 / (1 + Math.exp(-z));
            assertEquals(expected, Logistic.sigmoid(z), 2 * Math.ulp(expected), "sigmoid at " + z);
            double softplus = Math.log1p(Math.exp(z));
            assertEquals(softplus, Logistic.softplus(z), 4 * Math.ulp(softplus), "softplus at " + z);
        }
    }
}
