package org.l2o4j.gps.dynamics;

import java.io.Serializable;

/**
 * Fits time-varying linear-Gaussian dynamics to one condition's sampled trajectories (gps.md §4.3–4.4), keeping
 * whatever prior it refits from batch to batch.
 *
 * <p>Lifecycle, once per GPS iteration: {@link #updatePrior} with the new batch, then {@link #fit} on the same batch.
 * Samples are given as X[n][t][i] (N × T × dX) and U[n][t][j] (N × T × dU), sample first, then time. Not thread-safe;
 * one estimator per condition. Serializable with its prior, so that a GPS unit can update it in another JVM and bring
 * it back.
 *
 * <p>Two implementations: {@link DynamicsFitter} fits the whole map [s_t; u_t] → s_{t+1}, as the reference does;
 * {@link KnownTransitionFitter} fits only the entries of s_{t+1} that the optimization MDP does not determine exactly.
 */
public interface DynamicsEstimator extends Serializable {

    /** The prior it refits from batch to batch. */
    PriorProvider prior();

    /** Passes the batch's transitions to the prior and refits it. */
    void updatePrior(double[][][] x, double[][][] u);

    /**
     * The dynamics of the batch.
     *
     * @throws IllegalArgumentException if there are fewer than 2 samples, the shapes disagree or a value is not finite
     * @throws IllegalStateException    if a fit produces a non-finite value (names the time step)
     */
    FittedDynamics fit(double[][][] x, double[][][] u);
}
