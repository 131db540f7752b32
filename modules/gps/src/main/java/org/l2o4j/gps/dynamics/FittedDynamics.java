package org.l2o4j.gps.dynamics;

import java.util.Arrays;

import org.l2o4j.gps.model.LinearGaussianDynamics;

/**
 * Time-varying linear-Gaussian dynamics s_{t+1} ~ N(F_t·[s_t; u_t] + f_t, Σdyn_t) and the initial-state Gaussian
 * N(x0Mean, x0Covariance) (gps.md §4.3). All matrices are row-major; arrays are not copied, treat them as immutable.
 * The per-step arrays have T entries like the reference's; entry T − 1 is all zeros because no transition leaves the
 * last step (gps-fixtures/README.md §1).
 *
 * @param gains        F_t, T × (dX × (dX + dU)); columns 0..dX−1 multiply s_t, the rest u_t
 * @param offsets      f_t, T × dX
 * @param covariances  Σdyn_t, T × (dX × dX), exactly symmetric
 * @param x0Mean       length dX
 * @param x0Covariance dX × dX
 */
public record FittedDynamics(int stateDim, int actionDim, double[][] gains, double[][] offsets,
        double[][] covariances, double[] x0Mean, double[] x0Covariance) {

    public FittedDynamics {
        int t = gains.length;
        if (t < 2 || offsets.length != t || covariances.length != t) {
            throw new IllegalArgumentException("dynamics need T ≥ 2 entries of F, f and Σdyn alike, got "
                    + gains.length + ", " + offsets.length + ", " + covariances.length);
        }
        int inputDim = stateDim + actionDim;
        for (int s = 0; s < t; s++) {
            if (gains[s].length != stateDim * inputDim || offsets[s].length != stateDim
                    || covariances[s].length != stateDim * stateDim) {
                throw new IllegalArgumentException("dynamics at t = " + s + " need F of " + stateDim * inputDim
                        + ", f of " + stateDim + " and Σdyn of " + stateDim * stateDim + " entries (dX = " + stateDim
                        + ", dU = " + actionDim + ")");
            }
        }
        if (x0Mean.length != stateDim || x0Covariance.length != stateDim * stateDim) {
            throw new IllegalArgumentException("initial state needs a mean of " + stateDim + " and a covariance of "
                    + stateDim * stateDim + " entries, got " + x0Mean.length + " and " + x0Covariance.length);
        }
    }

    /** T, the number of time steps (one more than the number of fitted transitions). */
    public int horizon() {
        return gains.length;
    }

    /**
     * The same dynamics as the immutable model type the trajectory optimizer consumes: the T − 1 fitted transitions,
     * without the all-zero entry T − 1 (gps.md §5 item 11), and the initial-state Gaussian.
     *
     * @throws IllegalArgumentException if an entry is not finite (names the array, the time step and the entry)
     */
    public LinearGaussianDynamics toLinearGaussianDynamics() {
        int transitions = horizon() - 1;
        return new LinearGaussianDynamics(stateDim, actionDim, Arrays.copyOf(gains, transitions),
                Arrays.copyOf(offsets, transitions), Arrays.copyOf(covariances, transitions), x0Mean, x0Covariance);
    }
}
