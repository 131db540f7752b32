package org.l2o4j.gps.dynamics;

import java.util.Optional;

/**
 * Cholesky A = UᵀU with U upper triangular (row-major n × n), organized so that every inner loop is a contiguous
 * axpy that the JIT vectorizes: the right-looking factorization updates trailing rows of U, and the solve with
 * L = Uᵀ walks the rows of U. The GMM factors K covariances of D ≈ 470 per EM step and solves against every point
 * for every cluster, where this form is several times faster than the dot-product (reduction) loops of
 * {@link org.l2o4j.gps.linalg.Spd}, whose reductions the JIT cannot vectorize without reordering sums. Same
 * failure rule as {@code Spd.tryCholesky}: a pivot that is not strictly positive and finite.
 */
final class UpperCholesky {

    private UpperCholesky() {
    }

    /** The upper factor U with A = UᵀU (lower triangle zero), or empty when A is not positive definite. */
    static Optional<double[]> factor(double[] a, int n) {
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n + i, u, i * n + i, n - i);
        }
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = u[rowJ + j];
            if (!(diagonal > 0) || !Double.isFinite(diagonal)) {
                return Optional.empty();
            }
            double pivot = Math.sqrt(diagonal);
            u[rowJ + j] = pivot;
            for (int c = j + 1; c < n; c++) {
                u[rowJ + c] /= pivot;
            }
            for (int i = j + 1; i < n; i++) {
                double f = u[rowJ + i];
                if (f != 0) {
                    int rowI = i * n;
                    for (int c = i; c < n; c++) {
                        u[rowI + c] -= f * u[rowJ + c];
                    }
                }
            }
        }
        return Optional.of(u);
    }

    /**
     * Solves Uᵀ·z = b in place (b becomes z) and returns ‖z‖² = bᵀA⁻¹b, the squared Mahalanobis norm under A = UᵀU.
     */
    static double solveTransposedSquaredNorm(double[] u, int n, double[] b) {
        double squaredNorm = 0;
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            double z = b[k] / u[rowK + k];
            b[k] = z;
            squaredNorm += z * z;
            if (z != 0) {
                for (int i = k + 1; i < n; i++) {
                    b[i] -= z * u[rowK + i];
                }
            }
        }
        return squaredNorm;
    }
}
