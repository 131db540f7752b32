package org.l2o4j.gps.linalg;

/**
 * General dense products on row-major {@code double[]} matrices, written in i-k-j order so the innermost loop runs
 * along contiguous rows (the JIT vectorizes it). GPS's per-time-step blocks are at most a few hundred rows wide
 * (dX ≈ 233 for Li &amp; Malik's L2O state, gps.md §2), where these loops are as fast as a library call and allocate
 * nothing beyond the result.
 */
public final class Matrices {

    private Matrices() {
    }

    /** C = A·B for A (m × k) and B (k × n); a new m × n array. */
    public static double[] multiply(double[] a, int m, int k, double[] b, int n) {
        requireLength("A", a, m, k);
        requireLength("B", b, k, n);
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            addRowTimesMatrix(a, i * k, k, b, n, c, i * n, 0);
        }
        return c;
    }

    /**
     * c[rowC + j] += Σ_p a[rowA + p]·b[p·n + j] for columns j = fromColumn .. n−1: one row of A times B (k × n),
     * added into one row of C. Four rows of B per sweep over C's row, so C is loaded and stored a quarter as often.
     * Shared by {@link #multiply} (all columns) and {@link Spd#congruence} (the upper triangle only).
     */
    static void addRowTimesMatrix(double[] a, int rowA, int k, double[] b, int n, double[] c, int rowC,
            int fromColumn) {
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double a0 = a[rowA + p];
            double a1 = a[rowA + p + 1];
            double a2 = a[rowA + p + 2];
            double a3 = a[rowA + p + 3];
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = fromColumn; j < n; j++) {
                c[rowC + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (; p < k; p++) {
            double aip = a[rowA + p];
            int rowB = p * n;
            for (int j = fromColumn; j < n; j++) {
                c[rowC + j] += aip * b[rowB + j];
            }
        }
    }

    /** y = A·x for A (m × n); a new vector of m entries. */
    public static double[] multiplyVector(double[] a, int m, int n, double[] x) {
        requireLength("A", a, m, n);
        requireLength("x", x, n, 1);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += a[row + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** y = Aᵀ·x for A (m × n); a new vector of n entries. */
    public static double[] transposeMultiplyVector(double[] a, int m, int n, double[] x) {
        requireLength("A", a, m, n);
        requireLength("x", x, m, 1);
        double[] y = new double[n];
        for (int i = 0; i < m; i++) {
            double xi = x[i];
            if (xi != 0) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    y[j] += a[row + j] * xi;
                }
            }
        }
        return y;
    }

    /** Aᵀ for A (m × n); a new n × m array. */
    public static double[] transpose(double[] a, int m, int n) {
        requireLength("A", a, m, n);
        double[] t = new double[n * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j * m + i] = a[i * n + j];
            }
        }
        return t;
    }

    /** xᵀ·y over the first {@code n} entries. */
    public static double dot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * Throws unless {@code a} holds exactly rows × columns entries; the message names the matrix and both sizes.
     */
    public static void requireLength(String what, double[] a, int rows, int columns) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null; expected " + rows + " × " + columns);
        }
        if (a.length != rows * columns) {
            throw new IllegalArgumentException("dimension mismatch: " + what + " has " + a.length
                    + " entries but should be " + rows + " × " + columns + " = " + rows * columns);
        }
    }
}
