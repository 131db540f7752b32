package org.l2o4j.gps.linalg;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Used where Commons Math's
 * {@code EigenDecomposition} is not robust enough: on the Hessians of the ReLU network (rows of zeros from inactive
 * units, repeated eigenvalues) it threw "convergence failed". Jacobi always converges (quadratically, once the
 * off-diagonal part is small) and is accurate to a few ulps of the matrix's norm; its O(n³) sweeps are cheap for the
 * d × d cost Hessians GPS projects (d ≤ a few dozen).
 *
 * @param values  the eigenvalues, in no particular order
 * @param vectors the eigenvectors as columns, n × n row-major: A = V·diag(values)·Vᵀ
 */
public record SymmetricEigen(double[] values, double[] vectors) {

    private static final int MAX_SWEEPS = 100;

    /**
     * The decomposition of the symmetric n × n row-major {@code a} (only its upper triangle is read; a is not changed).
     *
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static SymmetricEigen of(double[] a, int n) {
        Matrices.requireLength("symmetric matrix", a, n, n);
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = a[i * n + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("symmetric matrix has a non-finite entry " + v + " at (" + i
                            + ", " + j + ")");
                }
                m[i * n + j] = v;
                m[j * n + i] = v;
            }
        }
        double[] v = Spd.identity(n);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += m[i * n + i] * m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i * n + j] * m[i * n + j];
                }
            }
            if (off <= 1e-32 * (norm + 2 * off) || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, n, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i * n + i];
        }
        return new SymmetricEigen(values, v);
    }

    /** Zeroes m[p][q] by the rotation J(p, q, θ): m ← Jᵀ m J, v ← v J (Golub &amp; Van Loan, Algorithm 8.5.2). */
    private static void rotate(double[] m, double[] v, int n, int p, int q) {
        double apq = m[p * n + q];
        if (apq == 0) {
            return;
        }
        double tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        if (tau == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        for (int k = 0; k < n; k++) {
            double mkp = m[k * n + p];
            double mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p * n + k];
            double mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k * n + p];
            double vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }
}
