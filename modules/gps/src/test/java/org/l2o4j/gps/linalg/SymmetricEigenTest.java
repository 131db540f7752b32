package org.l2o4j.gps.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/** Jacobi eigen-decomposition: reconstruction, orthogonality, and Commons Math's eigenvalues where it converges. */
class SymmetricEigenTest {

    @Test
    void reconstructsARandomSymmetricMatrixAndMatchesCommonsMath() {
        RandomGenerator rng = Seeds.rng(21);
        int n = 12;
        double[] a = Seeds.gaussian(rng, n * n);
        Spd.symmetrize(a, n);
        SymmetricEigen e = SymmetricEigen.of(a, n);
        assertReconstructs(a, e, n);
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(a, i * n, i * n + n);
        }
        double[] reference = new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
        double[] ours = e.values().clone();
        Arrays.sort(ours);
        Arrays.sort(reference);
        assertArrayEquals(reference, ours, 1e-12);
    }

    /** Zero rows and a repeated eigenvalue: the shape of a ReLU net's Hessian with inactive units. */
    @Test
    void handlesZeroRowsAndRepeatedEigenvalues() {
        int n = 5;
        double[] a = new double[n * n];
        a[0] = 2;
        a[1 * n + 1] = 2;
        a[0 * n + 1] = 0;
        a[3 * n + 3] = -1;
        a[3 * n + 4] = 0.5;
        a[4 * n + 3] = 0.5;
        SymmetricEigen e = SymmetricEigen.of(a, n);
        assertReconstructs(a, e, n);
        double[] values = e.values().clone();
        Arrays.sort(values);
        // [[-1, ½], [½, 0]] has eigenvalues (−1 ± √2)/2; the zero row adds 0; the diagonal block 2, 2
        double r = Math.sqrt(2) / 2;
        assertArrayEquals(new double[] {-0.5 - r, 0, -0.5 + r, 2, 2}, values, 1e-14);
    }

    private static void assertReconstructs(double[] a, SymmetricEigen e, int n) {
        double[] v = e.vectors();
        double scale = 0;
        for (double x : a) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double identity = 0;
                for (int k = 0; k < n; k++) {
                    sum += v[i * n + k] * e.values()[k] * v[j * n + k];
                    identity += v[k * n + i] * v[k * n + j];
                }
                assertEquals(a[i * n + j], sum, 1e-13 * scale, "A = VΛVᵀ at (" + i + ", " + j + ")");
                assertEquals(i == j ? 1.0 : 0.0, identity, 1e-13, "VᵀV = I at (" + i + ", " + j + ")");
            }
        }
    }
}
