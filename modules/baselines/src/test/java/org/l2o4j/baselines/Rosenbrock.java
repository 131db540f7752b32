package org.l2o4j.baselines;

import java.util.Map;

import org.l2o4j.core.problem.TwiceDifferentiable;

/**
 * f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1), started from the classical (−1.2, 1). Test-local so the
 * baselines' tests do not depend on the problems module.
 */
public final class Rosenbrock implements TwiceDifferentiable {

    @Override
    public String formula() {
        return "rosenbrock-test";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p, int offset) {
        double x = p[offset];
        double y = p[offset + 1];
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    @Override
    public double valueAndGradient(double[] p, int offset, double[] gradient, int gradientOffset) {
        double x = p[offset];
        double y = p[offset + 1];
        double r = y - x * x;
        gradient[gradientOffset] = -2 * (1 - x) - 400 * x * r;
        gradient[gradientOffset + 1] = 200 * r;
        return (1 - x) * (1 - x) + 100 * r * r;
    }

    @Override
    public void hessian(double[] p, int offset, double[] hessian) {
        double x = p[offset];
        double y = p[offset + 1];
        hessian[0] = 2 - 400 * (y - x * x) + 800 * x * x;
        hessian[1] = -400 * x;
        hessian[2] = -400 * x;
        hessian[3] = 200;
    }

    @Override
    public double[] initialPoint(int restart) {
        return new double[] {-1.2, 1};
    }

    @Override
    public Map<String, Object> export() {
        return Map.of("formula", formula());
    }
}
