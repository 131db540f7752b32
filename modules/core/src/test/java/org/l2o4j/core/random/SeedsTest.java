package org.l2o4j.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void derivationIsAPureFunctionOfItsInputs() {
        assertEquals(Seeds.derive(1, "train", 3), Seeds.derive(1, "train", 3));
        assertNotEquals(Seeds.derive(1, "train", 3), Seeds.derive(1, "test", 3));
        assertNotEquals(Seeds.derive(1, "train", 3), Seeds.derive(2, "train", 3));
        assertNotEquals(Seeds.derive(1, "train", 3, 0), Seeds.derive(1, "train", 0, 3));
    }

    @Test
    void derivedSeedsDoNotCollideOverAnExperimentsWorthOfStreams() {
        Set<Long> seen = new HashSet<>();
        for (String split : new String[] {"train", "validation", "test"}) {
            for (int i = 0; i < 10_000; i++) {
                assertTrue(seen.add(Seeds.derive(0, split, i)));
            }
        }
    }

    @Test
    void gaussianStreamsReplayAndHaveUnitMomentsStatistically() {
        double[] a = Seeds.gaussian(Seeds.rng(5), 200_000);
        double[] b = Seeds.gaussian(Seeds.rng(5), 200_000);
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.0);
            mean += a[i];
            sq += a[i] * a[i];
        }
        mean /= a.length;
        double var = sq / a.length - mean * mean;
        // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032; 5 standard errors.
        assertEquals(0.0, mean, 0.011);
        assertEquals(1.0, var, 0.016);
    }
}
