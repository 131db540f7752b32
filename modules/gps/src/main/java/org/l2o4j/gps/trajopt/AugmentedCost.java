package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.model.QuadraticCost;

/**
 * The per-step quadratic (C̃_t, c̃_t) the LQG backward pass minimizes, already divided by its divisor
 * d_t = η + ν_t + α (gps.md §4.6), together with the divisors themselves: the backward pass needs the ratio
 * r = d_{t+1} / d_t to carry the value function from step t+1's units into step t's (gps.md §4.7; Levine et al. 2016
 * App. A, the BADMM rescaling).
 *
 * <p>Immutable. Built by {@link AugmentedCostBuilder#at(double)} or, for plain LQR, by {@link #plain}.
 */
public final class AugmentedCost {

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] hessians;
    private final double[][] linearTerms;
    private final double[] divisors;

    /** Takes ownership of the arrays: only this package builds instances, from fresh arrays. */
    AugmentedCost(int stateDimension, int actionDimension, double[][] hessians, double[][] linearTerms,
            double[] divisors) {
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.hessians = hessians;
        this.linearTerms = linearTerms;
        this.divisors = divisors;
    }

    /** The cost itself with divisor 1 at every step: the backward pass is then ordinary finite-horizon LQR. */
    public static AugmentedCost plain(QuadraticCost cost) {
        int horizon = cost.horizon();
        double[][] hessians = new double[horizon][];
        double[][] linearTerms = new double[horizon][];
        double[] divisors = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            hessians[t] = cost.hessian(t);
            linearTerms[t] = cost.linearTerm(t);
            divisors[t] = 1;
        }
        return new AugmentedCost(cost.stateDimension(), cost.actionDimension(), hessians, linearTerms, divisors);
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
        return hessians.length;
    }

    /** C̃_t, (dX+dU) × (dX+dU) (a copy). */
    public double[] hessian(int t) {
        return hessians[t].clone();
    }

    /** c̃_t, dX + dU entries (a copy). */
    public double[] linearTerm(int t) {
        return linearTerms[t].clone();
    }

    /** d_t = η + ν_t + α, the divisor step t's cost was scaled by. */
    public double divisor(int t) {
        return divisors[t];
    }
}
