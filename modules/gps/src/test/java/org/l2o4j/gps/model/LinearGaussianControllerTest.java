package org.l2o4j.gps.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The controller's action formula (gps.md §4.1) and its fail-fast validation. */
class LinearGaussianControllerTest {

    private static LinearGaussianController oneStep() {
        return LinearGaussianController.fromCovariances(2, 2, new double[][] {{1, 2, 3, 4}},
                new double[][] {{0.5, -0.5}}, new double[][] {{4, 2, 2, 5}});
    }

    @Test
    void actIsGainTimesStatePlusOffsetPlusLowerFactorTimesNoise() {
        LinearGaussianController c = oneStep();
        assertArrayEquals(new double[] {2, 0, 1, 2}, c.covarianceCholesky(0), 1e-15, "L of [[4,2],[2,5]]");
        double[] u = c.act(new double[] {1, -1}, 0, new double[] {1, 2});
        // K s = [1·1 + 2·(−1), 3·1 + 4·(−1)] = [−1, −1]; + k = [−0.5, −1.5]; + L ξ = [2, 1 + 4] → [1.5, 3.5]
        assertArrayEquals(new double[] {1.5, 3.5}, u, 1e-15);
        double[] precision = c.precision(0);
        assertArrayEquals(new double[] {5.0 / 16, -2.0 / 16, -2.0 / 16, 4.0 / 16}, precision, 1e-15);
        assertEquals(Math.log(16), c.logDeterminantCovariance(0), 1e-15);
    }

    @Test
    void rejectsAnUpperFactorAndMismatchedShapes() {
        IllegalArgumentException upper = assertThrows(IllegalArgumentException.class,
                () -> new LinearGaussianController(2, 2, new double[][] {{0, 0, 0, 0}}, new double[][] {{0, 0}},
                        new double[][] {{4, 2, 2, 5}}, new double[][] {{2, 1, 0, 2}},
                        new double[][] {{1, 0, 0, 1}}));
        assertTrue(upper.getMessage().contains("lower triangular"), upper.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> LinearGaussianController.fromCovariances(3, 2, new double[][] {{1, 2, 3, 4}},
                        new double[][] {{0, 0}}, new double[][] {{1, 0, 0, 1}}));
        assertTrue(shape.getMessage().contains("K at t = 0") && shape.getMessage().contains("2 × 3"),
                shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> oneStep().act(new double[] {1}, 0, new double[2]));
    }
}
