package org.l2o4j.gps.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/** gps.md §8, test 1: Cholesky reconstructs random SPD matrices, fails on indefinite ones; logDet matches LU. */
class SpdTest {

    private static double[] randomSpd(int n, RandomGenerator rng) {
        double[] b = Seeds.gaussian(rng, n * n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.1 : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    private static RealMatrix matrix(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        return new Array2DRowRealMatrix(rows, false);
    }

    @Test
    void choleskyReconstructsAndLogDetMatchesLu() {
        RandomGenerator rng = Seeds.rng(1);
        for (int n : new int[] {1, 2, 7, 40}) {
            double[] a = randomSpd(n, rng);
            double[] l = Spd.cholesky(a, n, "A");
            double scale = 0;
            for (double v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += l[i * n + k] * l[j * n + k];
                    }
                    assertEquals(a[i * n + j], s, 1e-12 * scale);
                    if (j > i) {
                        assertEquals(0.0, l[i * n + j], 0.0, "upper triangle stays zero");
                    }
                }
            }
            double lu = Math.log(new LUDecomposition(matrix(a, n)).getDeterminant());
            assertEquals(lu, Spd.logDeterminant(l, n), 1e-10 * Math.max(1, Math.abs(lu)));
        }
    }

    @Test
    void solveAndInverseAgreeWithLu() {
        RandomGenerator rng = Seeds.rng(2);
        int n = 9;
        int m = 3;
        double[] a = randomSpd(n, rng);
        double[] b = Seeds.gaussian(rng, n * m);
        double[] x = b.clone();
        Spd.solve(Spd.cholesky(a, n, "A"), n, x, m);
        RealMatrix expected = new LUDecomposition(matrix(a, n)).getSolver().solve(matrix3(b, n, m));
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                assertEquals(expected.getEntry(i, c), x[i * m + c], 1e-10);
            }
        }
        double[] inv = Spd.inverseFromCholesky(Spd.cholesky(a, n, "A"), n);
        RealMatrix product = matrix(a, n).multiply(matrix(inv, n));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1.0 : 0.0, product.getEntry(i, j), 1e-10);
            }
        }
    }

    private static RealMatrix matrix3(double[] b, int n, int m) {
        double[][] rows = new double[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, i * m, rows[i], 0, m);
        }
        return new Array2DRowRealMatrix(rows, false);
    }

    @Test
    void indefiniteOrNonFiniteMatricesAreReportedNotFactored() {
        double[] indefinite = {1, 2, 2, 1};
        assertTrue(Spd.tryCholesky(indefinite, 2).isEmpty());
        assertTrue(Spd.tryCholesky(new double[] {Double.NaN}, 1).isEmpty());
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> Spd.cholesky(indefinite, 2, "Q_uu at t = 3"));
        assertTrue(e.getMessage().contains("Q_uu at t = 3"), e.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Spd.tryCholesky(new double[5], 2));
        assertTrue(size.getMessage().contains("dimension mismatch"), size.getMessage());
    }
}
