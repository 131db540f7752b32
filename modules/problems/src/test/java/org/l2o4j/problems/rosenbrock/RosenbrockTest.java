package org.l2o4j.problems.rosenbrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;

class RosenbrockTest {

    @Test
    void minimumIsZeroWithZeroGradientAtOnes() {
        for (int n : new int[] {2, 5}) {
            Rosenbrock p = (Rosenbrock) Catalog.family("rosenbrock", Map.of("dimension", n)).sample(1);
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            double[] g = new double[n];
            assertEquals(0, p.valueAndGradient(ones, g), 0.0);
            assertArrayEquals(new double[n], g, 0.0);
        }
    }

    @Test
    void classicValueAtTheUsualStart() {
        Rosenbrock p = new RosenbrockFamily(RosenbrockConfig.DEFAULTS).sample(0);
        double[] g = new double[2];
        assertEquals(24.2, p.valueAndGradient(new double[] {-1.2, 1}, g), 1e-12);
        assertArrayEquals(new double[] {-215.6, -88}, g, 1e-12);
    }

    @Test
    void initialPointsFillTheBoxRepeatedOverCoordinates() {
        RosenbrockFamily f = (RosenbrockFamily) Catalog.family("rosenbrock", Map.of("dimension", 4));
        double minOdd = Double.POSITIVE_INFINITY;
        double maxOdd = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < 200; s++) {
            double[] x = f.sample(s).initialPoint(0);
            for (int j = 0; j < 4; j++) {
                double lo = j % 2 == 0 ? -2 : -1;
                double hi = j % 2 == 0 ? 2 : 3;
                assertTrue(x[j] >= lo && x[j] < hi, "x" + j + " = " + x[j]);
            }
            minOdd = Math.min(minOdd, x[3]);
            maxOdd = Math.max(maxOdd, x[3]);
        }
        assertTrue(minOdd < -0.8 && maxOdd > 2.8, "200 uniform draws reach within 0.2 of both ends of [-1, 3]");
        assertEquals(128, f.split("test").size());
    }

    @Test
    void samplesShareTheFunctionAndDifferInTheStart() {
        RosenbrockFamily f = new RosenbrockFamily(RosenbrockConfig.DEFAULTS);
        double[] x = {0.3, -0.7};
        assertEquals(f.sample(1).value(x), f.sample(2).value(x), 0.0);
        assertTrue(f.sample(1).initialPoint(0)[0] != f.sample(2).initialPoint(0)[0]);
    }

    @Test
    void badConfigurationsAreNamed() {
        ConfigException empty = assertThrows(ConfigException.class, () -> Catalog.family("rosenbrock",
                Map.of("initialLower", List.of(3.0, 0.0))));
        assertTrue(empty.getMessage().contains("initialLower[0] = 3.0"), empty.getMessage());
        ConfigException small = assertThrows(ConfigException.class,
                () -> Catalog.family("rosenbrock", Map.of("dimension", 1)));
        assertTrue(small.getMessage().contains("got 1"), small.getMessage());
    }
}
