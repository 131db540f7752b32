package org.l2o4j.core.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.problem.TwiceDifferentiable;

/**
 * f(x) = ½ Σ a_j (x_j − c_j)², the smallest problem with a known optimum, condition number and Hessian: the workhorse
 * of optimizer tests that must not depend on the problems module.
 */
public final class DiagonalQuadratic implements TwiceDifferentiable {

    private final double[] curvature;
    private final double[] center;
    private final double[] start;

    /** With curvatures a, minimizer c and starting point x0. */
    public DiagonalQuadratic(double[] curvature, double[] center, double[] start) {
        this.curvature = curvature.clone();
        this.center = center.clone();
        this.start = start.clone();
    }

    @Override
    public String formula() {
        return "diagonal-quadratic";
    }

    @Override
    public int dimension() {
        return curvature.length;
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int j = 0; j < curvature.length; j++) {
            double r = x[offset + j] - center[j];
            f += 0.5 * curvature[j] * r * r;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double f = 0;
        for (int j = 0; j < curvature.length; j++) {
            double r = x[xOffset + j] - center[j];
            f += 0.5 * curvature[j] * r * r;
            gradient[gradientOffset + j] = curvature[j] * r;
        }
        return f;
    }

    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        int d = curvature.length;
        java.util.Arrays.fill(hessian, 0, d * d, 0.0);
        for (int j = 0; j < d; j++) {
            hessian[j * d + j] = curvature[j];
        }
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = start.clone();
        for (int j = 0; j < x.length; j++) {
            x[j] += restart;
        }
        return x;
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", formula());
        m.put("curvature", curvature.clone());
        m.put("center", center.clone());
        m.put("initialPoint", start.clone());
        return m;
    }
}
