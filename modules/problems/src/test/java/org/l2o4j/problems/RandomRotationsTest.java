package org.l2o4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

class RandomRotationsTest {

    @Test
    void resultIsOrthogonal() {
        int d = 6;
        double[] q = RandomRotations.haar(Seeds.rng(1), d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double dot = 0;
                for (int r = 0; r < d; r++) {
                    dot += q[r * d + a] * q[r * d + b];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-12);
            }
        }
    }

    /**
     * Under Haar measure every entry has mean 0 and variance 1/d. Without the sign correction the Householder QR makes
     * the diagonal of Q biased to one sign, so the mean of Q_00 over 4000 draws would sit far outside ±5 standard
     * errors (5·sqrt(1/(d·4000)) ≈ 0.035 for d = 5).
     */
    @Test
    void entriesHaveHaarMoments() {
        int d = 5;
        int draws = 4000;
        RandomGenerator rng = Seeds.rng(2);
        double sum00 = 0;
        double sumSq00 = 0;
        double sum11 = 0;
        for (int k = 0; k < draws; k++) {
            double[] q = RandomRotations.haar(rng, d);
            sum00 += q[0];
            sumSq00 += q[0] * q[0];
            sum11 += q[d + 1];
        }
        double standardError = Math.sqrt(1.0 / d / draws);
        assertTrue(Math.abs(sum00 / draws) < 5 * standardError, "mean Q_00 = " + sum00 / draws);
        assertTrue(Math.abs(sum11 / draws) < 5 * standardError, "mean Q_11 = " + sum11 / draws);
        assertEquals(1.0 / d, sumSq00 / draws, 0.02, "E[Q_00^2] must be 1/d");
    }
}
