package org.l2o4j.gps.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/** The sparse products against the dense kernels of {@link Spd} and {@link Matrices} on random sparse matrices. */
class SparseMatrixTest {

    /** m × n with about {@code density} of its entries Gaussian, the rest exactly zero, and one all-zero row and column. */
    private static double[] randomSparse(RandomGenerator rng, int m, int n, double density) {
        double[] a = new double[m * n];
        for (int i = 0; i < m - 1; i++) {
            for (int j = 0; j < n - 1; j++) {
                if (rng.nextDouble() < density) {
                    a[i * n + j] = rng.nextGaussian();
                }
            }
        }
        return a;
    }

    private static double[] randomSymmetric(RandomGenerator rng, int n) {
        double[] s = Seeds.gaussian(rng, n * n);
        Spd.symmetrize(s, n);
        return s;
    }

    @Test
    void productsEqualTheDenseOnes() {
        RandomGenerator rng = Seeds.rng(11);
        int m = 37;
        int n = 41;
        double[] a = randomSparse(rng, m, n, 0.1);
        SparseMatrix sparse = SparseMatrix.ifSparse(a, m, n, 0.2).orElseThrow();
        int nonzeros = 0;
        for (double v : a) {
            nonzeros += v != 0 ? 1 : 0;
        }
        assertEquals(nonzeros, sparse.nonzeros());
        assertArrayEquals(a, sparse.toDense(), 0.0);
        double[] x = Seeds.gaussian(rng, n);
        double[] y = Seeds.gaussian(rng, m);
        assertArrayEquals(Matrices.multiplyVector(a, m, n, x), sparse.multiplyVector(x), 1e-12);
        assertArrayEquals(Matrices.transposeMultiplyVector(a, m, n, y), sparse.transposeMultiplyVector(y), 1e-12);
        double[] s = randomSymmetric(rng, n);
        double[] v = randomSymmetric(rng, m);
        double[] congruence = sparse.congruence(s);
        double[] pullBack = sparse.transposedCongruence(v);
        assertArrayEquals(Spd.congruence(a, m, n, s), congruence, 1e-11);
        assertArrayEquals(Spd.transposedCongruence(a, m, n, v), pullBack, 1e-11);
        assertExactlySymmetric(congruence, m);
        assertExactlySymmetric(pullBack, n);
    }

    @Test
    void declinesDenseMatrices() {
        RandomGenerator rng = Seeds.rng(12);
        double[] a = randomSparse(rng, 10, 10, 0.5);
        assertTrue(SparseMatrix.ifSparse(a, 10, 10, 0.2).isEmpty());
        assertTrue(SparseMatrix.ifSparse(a, 10, 10, 1.0).isPresent());
    }

    @Test
    void rejectsWrongShapes() {
        SparseMatrix sparse = SparseMatrix.ifSparse(new double[] {1, 0, 0, 0, 0, 0}, 2, 3, 0.5).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> sparse.multiplyVector(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> sparse.congruence(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.ifSparse(new double[5], 2, 3, 0.5));
    }

    private static void assertExactlySymmetric(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(a[j * n + i], a[i * n + j], 0.0);
            }
        }
    }
}
