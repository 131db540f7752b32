package org.l2o4j.analysis.dynamics;

/**
 * A hand-built cell whose answers are known: h' = A h + c + B g, Δx = w·h' + b0. Heavy ball is A = β, B = −α, w = 1;
 * aggregated momentum is A = P diag(β_i) P⁻¹, B = −P α, w = 1ᵀP⁻¹.
 */
final class AffineCell implements RecurrentCell {

    private final double[][] a;
    private final double[] c;
    private final double[] b;
    private final double[] w;
    private final double b0;
    private final double[] h0;

    AffineCell(double[][] a, double[] c, double[] b, double[] w, double b0, double[] h0) {
        this.a = a;
        this.c = c;
        this.b = b;
        this.w = w;
        this.b0 = b0;
        this.h0 = h0;
    }

    @Override
    public int stateSize() {
        return c.length;
    }

    @Override
    public double[] initialState() {
        return h0.clone();
    }

    @Override
    public double step(double[] state, double gradient, double[] next) {
        for (int i = 0; i < c.length; i++) {
            double sum = c[i] + b[i] * gradient;
            for (int j = 0; j < c.length; j++) {
                sum += a[i][j] * state[j];
            }
            next[i] = sum;
        }
        return readout(next);
    }

    @Override
    public void linearize(double[] state, double gradient, double[] stateJacobian, double[] inputJacobian) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, stateJacobian, i * n, n);
            inputJacobian[i] = b[i];
        }
    }

    @Override
    public double[] readoutWeights() {
        return w.clone();
    }

    @Override
    public double readoutBias() {
        return b0;
    }

    /** P diag(d) P⁻¹ for a 2 × 2 or 3 × 3 P given with its inverse. */
    static double[][] conjugate(double[][] p, double[][] pInverse, double[] d) {
        int n = d.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][j] += p[i][k] * d[k] * pInverse[k][j];
                }
            }
        }
        return out;
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    static double[] rowTimes(double[] v, double[][] m) {
        double[] out = new double[m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += v[i] * m[i][j];
            }
        }
        return out;
    }
}
