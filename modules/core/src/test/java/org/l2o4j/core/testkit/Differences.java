package org.l2o4j.core.testkit;

import org.l2o4j.core.problem.Problem;

/** Central finite differences, the independent computation derivative tests compare against. */
public final class Differences {

    private Differences() {
    }

    /** ∇f by central differences with step h_j = 1e-5 (1 + |x_j|), error O(h²). */
    public static double[] gradient(Problem p, double[] x) {
        int d = x.length;
        double[] g = new double[d];
        double[] y = x.clone();
        for (int j = 0; j < d; j++) {
            double h = 1e-5 * (1 + Math.abs(x[j]));
            y[j] = x[j] + h;
            double fp = p.value(y);
            y[j] = x[j] - h;
            double fm = p.value(y);
            y[j] = x[j];
            g[j] = (fp - fm) / (2 * h);
        }
        return g;
    }

    /** ∇²f row-major by central differences of the analytic gradient, symmetrized. */
    public static double[] hessian(Problem p, double[] x) {
        int d = x.length;
        double[] h = new double[d * d];
        double[] y = x.clone();
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            double step = 1e-5 * (1 + Math.abs(x[j]));
            y[j] = x[j] + step;
            p.valueAndGradient(y, gp);
            y[j] = x[j] - step;
            p.valueAndGradient(y, gm);
            y[j] = x[j];
            for (int i = 0; i < d; i++) {
                h[i * d + j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (h[i * d + j] + h[j * d + i]);
                h[i * d + j] = s;
                h[j * d + i] = s;
            }
        }
        return h;
    }
}
