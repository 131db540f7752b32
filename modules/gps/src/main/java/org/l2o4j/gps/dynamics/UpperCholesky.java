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
     * Four unknowns are eliminated per sweep over the rest of b, so each b[i] is loaded and stored once for four
     * rows of U: the GMM's E-step is this loop, memory-bound in its one-row form.
     */
    static double solveTransposedSquaredNorm(double[] u, int n, double[] b) {
        double squaredNorm = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            int r0 = k * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            double z0 = b[k] / u[r0 + k];
            double z1 = (b[k + 1] - z0 * u[r0 + k + 1]) / u[r1 + k + 1];
            double z2 = (b[k + 2] - z0 * u[r0 + k + 2] - z1 * u[r1 + k + 2]) / u[r2 + k + 2];
            double z3 = (b[k + 3] - z0 * u[r0 + k + 3] - z1 * u[r1 + k + 3] - z2 * u[r2 + k + 3]) / u[r3 + k + 3];
            b[k] = z0;
            b[k + 1] = z1;
            b[k + 2] = z2;
            b[k + 3] = z3;
            squaredNorm += z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3;
            for (int i = k + 4; i < n; i++) {
                b[i] -= z0 * u[r0 + i] + z1 * u[r1 + i] + z2 * u[r2 + i] + z3 * u[r3 + i];
            }
        }
        for (; k < n; k++) {
            int rowK = k * n;
            double z = b[k] / u[rowK + k];
            b[k] = z;
            squaredNorm += z * z;
            for (int i = k + 1; i < n; i++) {
                b[i] -= z * u[rowK + i];
            }
        }
        return squaredNorm;
    }
}
