package org.l2o4j.gps.model;

/**
 * Time-varying linear-Gaussian dynamics s_{t+1} ~ N(F_t [s_t; u_t] + f_t, Σdyn_t) for t = 0 … T−2, with the initial
 * state s_0 ~ N(x0 mean, x0 covariance) (Levine &amp; Abbeel 2014 §3.1; gps.md §4.3). F_t is dX × (dX+dU) row-major,
 * its first dX columns multiplying s and the last dU multiplying u.
 *
 * <p>A horizon of T steps has T − 1 transitions: the last step has no successor, so nothing is fitted for it (gps.md
 * §5 item 11). Reference fixtures carry a T-th all-zero entry; callers drop it before building this.
 *
 * <p>Immutable; every entry must be finite, so a failed fit is reported here, naming the time step, instead of
 * surfacing later as a Cholesky failure in the LQG backward pass.
 */
public final class LinearGaussianDynamics {

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] transitionMatrices;
    private final double[][] transitionOffsets;
    private final double[][] noiseCovariances;
    private final double[] initialStateMean;
    private final double[] initialStateCovariance;

    /**
     * @param stateDimension         dX
     * @param actionDimension        dU
     * @param transitionMatrices     F_t, T − 1 arrays of dX × (dX+dU)
     * @param transitionOffsets      f_t, T − 1 arrays of dX
     * @param noiseCovariances       Σdyn_t, T − 1 arrays of dX × dX
     * @param initialStateMean       x0 mean, dX
     * @param initialStateCovariance x0 covariance, dX × dX
     */
    public LinearGaussianDynamics(int stateDimension, int actionDimension, double[][] transitionMatrices,
            double[][] transitionOffsets, double[][] noiseCovariances, double[] initialStateMean,
            double[] initialStateCovariance) {
        this.stateDimension = PerStep.positive("dX", stateDimension);
        this.actionDimension = PerStep.positive("dU", actionDimension);
        if (transitionMatrices == null) {
            throw new IllegalArgumentException("F is null");
        }
        int transitions = transitionMatrices.length;
        this.transitionMatrices = PerStep.copy("F", transitionMatrices, transitions, stateDimension,
                stateDimension + actionDimension);
        this.transitionOffsets = PerStep.copy("f", transitionOffsets, transitions, stateDimension, 1);
        this.noiseCovariances = PerStep.copy("Σdyn", noiseCovariances, transitions, stateDimension, stateDimension);
        this.initialStateMean = PerStep.copy("x0 mean", initialStateMean, stateDimension, 1);
        this.initialStateCovariance = PerStep.copy("x0 covariance", initialStateCovariance, stateDimension,
                stateDimension);
    }

    /** dX. */
    public int stateDimension() {
        return stateDimension;
    }

    /** dU. */
    public int actionDimension() {
        return actionDimension;
    }

    /** T, the number of time steps: one more than the number of transitions. */
    public int horizon() {
        return transitionMatrices.length + 1;
    }

    /** F_t for t = 0 … T−2, dX × (dX+dU) (a copy). */
    public double[] transitionMatrix(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return transitionMatrices[t].clone();
    }

    /** f_t, dX entries (a copy). */
    public double[] transitionOffset(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return transitionOffsets[t].clone();
    }

    /** Σdyn_t, dX × dX (a copy). */
    public double[] noiseCovariance(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return noiseCovariances[t].clone();
    }

    /** The mean of s_0 (a copy). */
    public double[] initialStateMean() {
        return initialStateMean.clone();
    }

    /** The covariance of s_0, dX × dX (a copy). */
    public double[] initialStateCovariance() {
        return initialStateCovariance.clone();
    }
}
