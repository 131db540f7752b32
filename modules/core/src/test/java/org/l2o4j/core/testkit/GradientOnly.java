package org.l2o4j.core.testkit;

import java.util.Map;

import org.l2o4j.core.problem.Problem;

/**
 * f(x) = Σ x_j², a problem that deliberately gives no Hessian (it does not implement
 * {@link org.l2o4j.core.problem.TwiceDifferentiable}), for tests of code that needs one and must say so.
 *
 * @param formula the name reported in error messages
 * @param dimension d
 */
public record GradientOnly(String formula, int dimension) implements Problem {

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int j = 0; j < dimension; j++) {
            f += x[offset + j] * x[offset + j];
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        for (int j = 0; j < dimension; j++) {
            gradient[gradientOffset + j] = 2 * x[xOffset + j];
        }
        return value(x, xOffset);
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = new double[dimension];
        java.util.Arrays.fill(x, 1 + restart);
        return x;
    }

    @Override
    public Map<String, Object> export() {
        return Map.of("formula", formula, "initialPoint", initialPoint(0));
    }
}
