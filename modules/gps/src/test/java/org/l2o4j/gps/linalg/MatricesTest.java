package org.l2o4j.gps.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/**
 * The dense products against Commons Math, on shapes that exercise the 4-way unrolled loops and their remainders;
 * the congruences A S Aᵀ and Aᵀ S A are exactly symmetric.
 */
class MatricesTest {

    private static RealMatrix matrix(double[] a, int rows, int columns) {
        double[][] data = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * columns, data[i], 0, columns);
        }
        return new Array2DRowRealMatrix(data, false);
    }

    private static void assertMatrix(RealMatrix expected, double[] actual, String what) {
        int columns = expected.getColumnDimension();
        assertEquals(expected.getRowDimension() * columns, actual.length, what + ": size");
        for (int i = 0; i < expected.getRowDimension(); i++) {
            for (int j = 0; j < columns; j++) {
                assertEquals(expected.getEntry(i, j), actual[i * columns + j], 1e-12, what + " (" + i + ", " + j + ")");
            }
        }
    }

    private static double[] symmetric(RandomGenerator rng, int n) {
        double[] s = Seeds.gaussian(rng, n * n);
        Spd.symmetrize(s, n);
        return s;
    }

    @Test
    void productsMatchCommonsMath() {
        RandomGenerator rng = Seeds.rng(21);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 2}, {7, 9, 6}, {4, 8, 3}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = Seeds.gaussian(rng, m * k);
            double[] b = Seeds.gaussian(rng, k * n);
            double[] x = Seeds.gaussian(rng, k);
            double[] z = Seeds.gaussian(rng, m);
            RealMatrix ma = matrix(a, m, k);
            assertMatrix(ma.multiply(matrix(b, k, n)), Matrices.multiply(a, m, k, b, n), "A·B");
            assertMatrix(ma.transpose(), Matrices.transpose(a, m, k), "Aᵀ");
            assertMatrix(matrix(ma.operate(x), m, 1), Matrices.multiplyVector(a, m, k, x), "A·x");
            assertMatrix(matrix(ma.preMultiply(z), k, 1), Matrices.transposeMultiplyVector(a, m, k, z), "Aᵀ·z");

            double[] sk = symmetric(rng, k);
            double[] sm = symmetric(rng, m);
            double[] congruence = Spd.congruence(a, m, k, sk);
            double[] transposed = Spd.transposedCongruence(a, m, k, sm);
            assertMatrix(ma.multiply(matrix(sk, k, k)).multiply(ma.transpose()), congruence, "A S Aᵀ");
            assertMatrix(ma.transpose().multiply(matrix(sm, m, m)).multiply(ma), transposed, "Aᵀ S A");
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(congruence[i * m + j], congruence[j * m + i], 0.0, "A S Aᵀ exactly symmetric");
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(transposed[i * k + j], transposed[j * k + i], 0.0, "Aᵀ S A exactly symmetric");
                }
            }
        }
    }

    @Test
    void shapeMismatchNamesBothSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.multiply(new double[6], 2, 3, new double[5], 2));
        assertTrue(e.getMessage().contains("B has 5 entries") && e.getMessage().contains("3 × 2"), e.getMessage());
    }
}
