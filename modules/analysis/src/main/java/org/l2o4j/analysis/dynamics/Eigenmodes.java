package org.l2o4j.analysis.dynamics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The eigen-decomposition A = R diag(λ) L of a real square matrix (a learned optimizer's J_rec, analysis.md §2), with
 * complex eigenvalues and vectors: column i of R is the right eigenvector r_i (A r_i = λ_i r_i), row i of L = R⁻¹ the
 * left eigenvector l_i (l_i A = λ_i l_i, l_i · r_k = δ_ik, a plain product without conjugation). Modes are sorted by
 * |λ| descending, so the slowest come first.
 *
 * <p>Commons Math's {@link EigenDecomposition} gives the real Schur form's eigenvectors: a complex pair λ ± iμ appears
 * as the block [[λ, μ], [−μ, λ]] of D with real columns v_k, v_{k+1} of V (A V = V D), so r = v_k ± i v_{k+1}; with U =
 * V⁻¹ (rows u_k), the left vectors are l = ½(u_k ∓ i u_{k+1}). V is inverted by LU with partial pivoting.
 *
 * <p>The matrix is balanced first, as LAPACK does (Parlett &amp; Reinsch): B = D⁻¹AD with D a diagonal of powers of
 * two that makes row and column norms alike, which changes no eigenvalue and lets the QR iterations converge on
 * matrices with entries of very different sizes; then r = D r_B and l = l_B D⁻¹.
 */
public final class Eigenmodes {

    private final Complex[] values;
    private final Complex[][] right;
    private final Complex[][] left;

    private Eigenmodes(Complex[] values, Complex[][] right, Complex[][] left) {
        this.values = values;
        this.right = right;
        this.left = left;
    }

    /**
     * The decomposition of {@code a} (n × n, row-major in {@code a[i * n + j]}).
     *
     * @throws IllegalArgumentException if the matrix is not diagonalizable to working precision (V singular)
     */
    public static Eigenmodes of(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("a " + n + " × " + n + " matrix has " + n * n + " entries, got "
                    + a.length);
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, b[i], 0, n);
        }
        double[] scale = balance(b);
        RealMatrix m = new Array2DRowRealMatrix(b, false);
        EigenDecomposition eigen = new EigenDecomposition(m);
        RealMatrix v = eigen.getV();
        RealMatrix d = eigen.getD();
        RealMatrix u;
        try {
            u = new LUDecomposition(v).getSolver().getInverse();
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new IllegalArgumentException("the matrix is not diagonalizable to working precision (its "
                    + "eigenvector matrix is singular)", e);
        }
        Complex[] values = new Complex[n];
        Complex[][] right = new Complex[n][];
        Complex[][] left = new Complex[n][];
        for (int k = 0; k < n; k++) {
            boolean pair = k + 1 < n && d.getEntry(k, k + 1) != 0;
            if (!pair) {
                values[k] = new Complex(d.getEntry(k, k));
                right[k] = complex(v.getColumn(k), null, 1);
                left[k] = complex(u.getRow(k), null, 1);
                continue;
            }
            double re = d.getEntry(k, k);
            double im = d.getEntry(k, k + 1);
            values[k] = new Complex(re, im);
            values[k + 1] = new Complex(re, -im);
            right[k] = complex(v.getColumn(k), v.getColumn(k + 1), 1);
            right[k + 1] = complex(v.getColumn(k), v.getColumn(k + 1), -1);
            left[k] = half(complex(u.getRow(k), u.getRow(k + 1), -1));
            left[k + 1] = half(complex(u.getRow(k), u.getRow(k + 1), 1));
            k++;
        }
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                right[k][j] = right[k][j].multiply(scale[j]);
                left[k][j] = left[k][j].divide(scale[j]);
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i].abs()));
        Complex[] sortedValues = new Complex[n];
        Complex[][] sortedRight = new Complex[n][];
        Complex[][] sortedLeft = new Complex[n][];
        for (int i = 0; i < n; i++) {
            sortedValues[i] = values[order[i]];
            sortedRight[i] = right[order[i]];
            sortedLeft[i] = left[order[i]];
        }
        return new Eigenmodes(sortedValues, sortedRight, sortedLeft);
    }

    /**
     * Balances {@code b} in place to D⁻¹ b D and returns D's diagonal (Numerical Recipes' {@code balanc}, radix 2, so
     * that the scaling is exact in floating point).
     */
    static double[] balance(double[][] b) {
        int n = b.length;
        double[] scale = new double[n];
        java.util.Arrays.fill(scale, 1.0);
        boolean done = false;
        for (int sweep = 0; !done && sweep < 100; sweep++) {
            done = true;
            for (int i = 0; i < n; i++) {
                double c = 0;
                double r = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        c += Math.abs(b[j][i]);
                        r += Math.abs(b[i][j]);
                    }
                }
                if (c == 0 || r == 0) {
                    continue;
                }
                double g = r / 2;
                double f = 1;
                double s = c + r;
                while (c < g) {
                    f *= 2;
                    c *= 4;
                }
                g = r * 2;
                while (c > g) {
                    f /= 2;
                    c /= 4;
                }
                if ((c + r) / f < 0.95 * s) {
                    done = false;
                    scale[i] *= f;
                    for (int j = 0; j < n; j++) {
                        b[i][j] /= f;
                        b[j][i] *= f;
                    }
                }
            }
        }
        return scale;
    }

    private static Complex[] complex(double[] re, double[] im, int sign) {
        Complex[] out = new Complex[re.length];
        for (int j = 0; j < re.length; j++) {
            out[j] = new Complex(re[j], im == null ? 0 : sign * im[j]);
        }
        return out;
    }

    private static Complex[] half(Complex[] z) {
        for (int j = 0; j < z.length; j++) {
            z[j] = z[j].multiply(0.5);
        }
        return z;
    }

    /** Number of modes (the matrix's size). */
    public int size() {
        return values.length;
    }

    /** λ_i. */
    public Complex value(int i) {
        return values[i];
    }

    /** r_i (a copy). */
    public Complex[] right(int i) {
        return right[i].clone();
    }

    /** l_i (a copy). */
    public Complex[] left(int i) {
        return left[i].clone();
    }

    /** Σ_j a_j z_j of a real vector a and a complex vector z (no conjugation). */
    public static Complex dot(double[] a, Complex[] z) {
        double re = 0;
        double im = 0;
        for (int j = 0; j < a.length; j++) {
            re += a[j] * z[j].getReal();
            im += a[j] * z[j].getImaginary();
        }
        return new Complex(re, im);
    }
}
