package org.l2o4j.gps.cost;

import org.l2o4j.gps.linalg.Matrices;

/**
 * The local second-order expansion of one sample's cost along its trajectory: per time step t the value l_t, the
 * gradient l_y,t (dX + dU) and the Hessian l_yy,t ((dX+dU) × (dX+dU) row-major) with respect to y = [s; u] (gps.md
 * §4.2). The Hessian is held dense because the cost quadraticizer sums it; it is consumed one sample at a time.
 *
 * <p>Immutable.
 */
public final class CostDerivatives {

    private final int stateDimension;
    private final int actionDimension;
    private final double[] values;
    private final double[][] gradients;
    private final double[][] hessians;

    /**
     * @param values    l_t, T entries
     * @param gradients l_y,t, T arrays of dX + dU
     * @param hessians  l_yy,t, T arrays of (dX+dU) × (dX+dU)
     */
    public CostDerivatives(int stateDimension, int actionDimension, double[] values, double[][] gradients,
            double[][] hessians) {
        if (stateDimension <= 0 || actionDimension <= 0) {
            throw new IllegalArgumentException("dX and dU must be positive but are " + stateDimension + " and "
                    + actionDimension);
        }
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        int n = stateDimension + actionDimension;
        int horizon = values.length;
        if (gradients.length != horizon || hessians.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: " + horizon + " values but " + gradients.length
                    + " gradients and " + hessians.length + " Hessians");
        }
        this.values = values.clone();
        this.gradients = new double[horizon][];
        this.hessians = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            Matrices.requireLength("l_y at t = " + t, gradients[t], n, 1);
            Matrices.requireLength("l_yy at t = " + t, hessians[t], n, n);
            this.gradients[t] = gradients[t].clone();
            this.hessians[t] = hessians[t].clone();
        }
    }

    /** dX. */
    public int stateDimension() {
        return stateDimension;
    }

    /** dU. */
    public int actionDimension() {
        return actionDimension;
    }

    /** T. */
    public int horizon() {
        return values.length;
    }

    /** l_t. */
    public double value(int t) {
        return values[t];
    }

    /** l_y,t (a copy). */
    public double[] gradient(int t) {
        return gradients[t].clone();
    }

    /** l_yy,t (a copy). */
    public double[] hessian(int t) {
        return hessians[t].clone();
    }
}
