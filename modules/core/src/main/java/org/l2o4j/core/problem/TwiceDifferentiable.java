package org.l2o4j.core.problem;

/**
 * A {@link Problem} that also gives its Hessian analytically. Newton's method, guided policy search's cost
 * quadraticization and the contract tests use it; families whose Hessian is not worth the code (large networks)
 * simply do not implement it.
 */
public interface TwiceDifferentiable extends Problem {

    /** Writes ∇²f(x) row-major into {@code hessian[0 .. d*d)}; it is symmetric. */
    void hessian(double[] x, int offset, double[] hessian);
}
