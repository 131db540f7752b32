package org.l2o4j.gps.model;

import java.io.Serializable;

/**
 * The Gaussian state–action marginals p(y_t) = N(μ_t, Σ_t) over y = [s; u] that a linear-Gaussian controller induces
 * under linear-Gaussian dynamics (gps.md §4.5; Levine &amp; Abbeel 2014 §3). Σ_t is (dX+dU) × (dX+dU) row-major.
 * Immutable.
 */
public final class Marginals implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] means;
    private final double[][] covariances;

    /**
     * @param means       μ_t, T arrays of dX + dU
     * @param covariances Σ_t, T arrays of (dX+dU) × (dX+dU)
     */
    public Marginals(int stateDimension, int actionDimension, double[][] means, double[][] covariances) {
        this.stateDimension = PerStep.positive("dX", stateDimension);
        this.actionDimension = PerStep.positive("dU", actionDimension);
        if (means == null || means.length == 0) {
            throw new IllegalArgumentException("marginals need at least one time step");
        }
        int n = stateDimension + actionDimension;
        this.means = PerStep.copy("μ", means, means.length, n, 1);
        this.covariances = PerStep.copy("Σ", covariances, means.length, n, n);
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
        return means.length;
    }

    /** μ_t over [s; u] (a copy). */
    public double[] mean(int t) {
        PerStep.requireTimeStep(t, horizon());
        return means[t].clone();
    }

    /** Σ_t over [s; u] (a copy). */
    public double[] covariance(int t) {
        PerStep.requireTimeStep(t, horizon());
        return covariances[t].clone();
    }
}
