package org.l2o4j.benchmarks;

import java.util.Map;

import org.l2o4j.core.problem.Problem;

/**
 * f(θ) = ½ Σ_j c_j θ_j² with c_j in [0.5, 1.5), a problem of any size whose evaluation costs a few flops per
 * coordinate, for benchmarks that measure an optimizer rather than an objective.
 */
final class SeparableQuadratic implements Problem {

    private final double[] curvature;

    SeparableQuadratic(int dimension) {
        curvature = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            curvature[j] = 0.5 + (j % 97) / 97.0;
        }
    }

    @Override
    public String formula() {
        return "separable-quadratic";
    }

    @Override
    public int dimension() {
        return curvature.length;
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int j = 0; j < curvature.length; j++) {
            f += 0.5 * curvature[j] * x[offset + j] * x[offset + j];
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double f = 0;
        for (int j = 0; j < curvature.length; j++) {
            double g = curvature[j] * x[xOffset + j];
            gradient[gradientOffset + j] = g;
            f += 0.5 * g * x[xOffset + j];
        }
        return f;
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = new double[curvature.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = ((j * 31 + restart) % 17 - 8) / 8.0;
        }
        return x;
    }

    @Override
    public Map<String, Object> export() {
        return Map.of("formula", formula(), "curvature", curvature.clone());
    }
}
