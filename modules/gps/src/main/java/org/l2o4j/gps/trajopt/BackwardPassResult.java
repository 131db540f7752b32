package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.model.LinearGaussianController;

/**
 * The outcome of one LQG backward pass at a fixed η (gps.md §4.7): either the new controller together with the
 * quadratic value function V_t, v_t (in step t's cost units) it was derived from, or the time step whose Q_uu was not
 * positive definite. Failure is a value, not an exception, because it is expected early in GPS and answered by
 * raising η.
 */
public final class BackwardPassResult {

    private final LinearGaussianController controller;
    private final int failedTimeStep;
    private final double[][] valueMatrices;
    private final double[][] valueVectors;

    private BackwardPassResult(LinearGaussianController controller, int failedTimeStep, double[][] valueMatrices,
            double[][] valueVectors) {
        this.controller = controller;
        this.failedTimeStep = failedTimeStep;
        this.valueMatrices = valueMatrices;
        this.valueVectors = valueVectors;
    }

    static BackwardPassResult success(LinearGaussianController controller, double[][] valueMatrices,
            double[][] valueVectors) {
        return new BackwardPassResult(controller, -1, valueMatrices, valueVectors);
    }

    static BackwardPassResult failure(int failedTimeStep) {
        return new BackwardPassResult(null, failedTimeStep, null, null);
    }

    /** Whether every Q_uu was positive definite. */
    public boolean succeeded() {
        return controller != null;
    }

    /** The time step whose Q_uu failed Cholesky; only after a failure. */
    public int failedTimeStep() {
        if (succeeded()) {
            throw new IllegalStateException("the backward pass succeeded; no time step failed");
        }
        return failedTimeStep;
    }

    /** The new controller; only after a success. */
    public LinearGaussianController controller() {
        requireSuccess();
        return controller;
    }

    /** V_t (dX × dX), the quadratic part of the cost-to-go from step t, in step t's units (a copy). */
    public double[] valueMatrix(int t) {
        requireSuccess();
        return valueMatrices[t].clone();
    }

    /** v_t (dX), the linear part of the cost-to-go from step t (a copy). */
    public double[] valueVector(int t) {
        requireSuccess();
        return valueVectors[t].clone();
    }

    private void requireSuccess() {
        if (!succeeded()) {
            throw new IllegalStateException("the backward pass failed: Q_uu at t = " + failedTimeStep
                    + " was not positive definite; raise η");
        }
    }
}
