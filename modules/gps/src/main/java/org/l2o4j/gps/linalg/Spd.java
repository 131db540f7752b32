package org.l2o4j.gps.linalg;

import java.util.Optional;

/**
 * Symmetric positive-definite algebra on dense row-major {@code double[]} matrices (n × n, entry (i, j) at
 * {@code i*n + j}): Cholesky factorization that reports failure instead of throwing, solves, inverses and
 * log-determinants from the factor. GPS factorizes hundreds of blocks of a few hundred rows per iteration, and
 * "not positive definite" is an expected outcome there (it raises η), not an error.
 */
public final class Spd {

    private Spd() {
    }

    /**
     * The lower Cholesky factor L with A = L·Lᵀ, or empty when A is not (numerically) positive definite: a pivot that
     * is not strictly positive and finite.
     */
    public static Optional<double[]> tryCholesky(double[] a, int n) {
        requireSquare(a, n);
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j * n + k] * l[j * n + k];
            }
            if (!(diagonal > 0) || !Double.isFinite(diagonal)) {
                return Optional.empty();
            }
            double pivot = Math.sqrt(diagonal);
            l[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / pivot;
            }
        }
        return Optional.of(l);
    }

    /**
     * The lower Cholesky factor, or an exception naming what failed.
     *
     * @param what names the matrix in the message, e.g. "Q_uu at t = 3"
     * @throws NotPositiveDefiniteException if A is not positive definite
     */
    public static double[] cholesky(double[] a, int n, String what) {
        return tryCholesky(a, n).orElseThrow(() -> new NotPositiveDefiniteException(what + " (" + n + " × " + n
                + ") is not positive definite"));
    }

    /** Solves L·Y = B in place for the m columns of B (n × m, row-major); L lower triangular. */
    public static void solveLower(double[] l, int n, double[] b, int m) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                if (lik != 0) {
                    for (int c = 0; c < m; c++) {
                        b[i * m + c] -= lik * b[k * m + c];
                    }
                }
            }
            double d = l[i * n + i];
            for (int c = 0; c < m; c++) {
                b[i * m + c] /= d;
            }
        }
    }

    /** Solves Lᵀ·Y = B in place for the m columns of B; L lower triangular. */
    public static void solveLowerTransposed(double[] l, int n, double[] b, int m) {
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                double lki = l[k * n + i];
                if (lki != 0) {
                    for (int c = 0; c < m; c++) {
                        b[i * m + c] -= lki * b[k * m + c];
                    }
                }
            }
            double d = l[i * n + i];
            for (int c = 0; c < m; c++) {
                b[i * m + c] /= d;
            }
        }
    }

    /** Solves A·Y = B in place (B is n × m) given A's lower Cholesky factor: two triangular solves, no inverse. */
    public static void solve(double[] l, int n, double[] b, int m) {
        solveLower(l, n, b, m);
        solveLowerTransposed(l, n, b, m);
    }

    /** A⁻¹ from A's lower Cholesky factor (symmetric by construction). */
    public static double[] inverseFromCholesky(double[] l, int n) {
        double[] inv = identity(n);
        solve(l, n, inv, n);
        symmetrize(inv, n);
        return inv;
    }

    /** ln|A| = 2 Σ ln L_ii from A's lower Cholesky factor. */
    public static double logDeterminant(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    /** A ← ½(A + Aᵀ) in place: sums of products drift from symmetry by rounding, and Cholesky reads one triangle. */
    public static void symmetrize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = m;
                a[j * n + i] = m;
            }
        }
    }

    /**
     * A·S·Aᵀ (m × m) for A (m × n) and symmetric S (n × n): how a covariance propagates through a linear map
     * (gps.md §4.5, Σ_ss(t+1) = F_t Σ_t F_tᵀ + Σdyn_t). Only the upper triangle is summed and then mirrored, which
     * halves the work and makes the result exactly symmetric, so it needs no separate symmetrization.
     */
    public static double[] congruence(double[] a, int m, int n, double[] s) {
        requireSquare(s, n);
        double[] w = Matrices.multiply(a, m, n, s, n);
        double[] at = Matrices.transpose(a, m, n);
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            Matrices.addRowTimesMatrix(w, i * n, n, at, m, out, i * m, i);
        }
        mirrorUpper(out, m);
        return out;
    }

    /**
     * Aᵀ·S·A (n × n) for A (m × n) and symmetric S (m × m): how a quadratic value function pulls back through linear
     * dynamics (gps.md §4.7, F_tᵀ V F_t). Exactly symmetric, computed from the upper triangle as in
     * {@link #congruence}.
     */
    public static double[] transposedCongruence(double[] a, int m, int n, double[] s) {
        requireSquare(s, m);
        double[] w = Matrices.multiply(s, m, m, a, n);
        double[] out = new double[n * n];
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int r = 0; r < n; r++) {
                double a0 = a[r0 + r];
                double a1 = a[r1 + r];
                double a2 = a[r2 + r];
                double a3 = a[r3 + r];
                int row = r * n;
                for (int c = r; c < n; c++) {
                    out[row + c] += a0 * w[r0 + c] + a1 * w[r1 + c] + a2 * w[r2 + c] + a3 * w[r3 + c];
                }
            }
        }
        for (; i < m; i++) {
            int rowA = i * n;
            for (int r = 0; r < n; r++) {
                double air = a[rowA + r];
                int row = r * n;
                for (int c = r; c < n; c++) {
                    out[row + c] += air * w[rowA + c];
                }
            }
        }
        mirrorUpper(out, n);
        return out;
    }

    private static void mirrorUpper(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    /** The n × n identity. */
    public static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
    }

    private static void requireSquare(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("dimension mismatch: expected an " + n + " × " + n + " matrix ("
                    + n * n + " entries) but got " + a.length + " entries");
        }
    }
}
