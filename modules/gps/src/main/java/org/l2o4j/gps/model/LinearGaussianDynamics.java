package org.l2o4j.gps.model;

import java.io.Serializable;

import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.linalg.SparseMatrix;
import org.l2o4j.gps.linalg.Spd;

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
 *
 * <p>The LQG passes use F_t only through {@link #apply}, {@link #pullBackVector}, {@link #pushCovariance} and
 * {@link #pullBack}. When at most {@link #SPARSE_DENSITY} of F_t's entries are nonzero (dynamics whose known part
 * was not fitted, {@code org.l2o4j.gps.dynamics.KnownTransitionFitter}) these work on the nonzeros only; otherwise
 * they are the dense kernels of {@link Spd} and {@link Matrices}.
 */
public final class LinearGaussianDynamics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] transitionMatrices;
    private final double[][] transitionOffsets;
    private final double[][] noiseCovariances;
    private final double[] initialStateMean;
    private final double[] initialStateCovariance;
    /** F_t's nonzeros where F_t is sparse enough (its dense entry is then null), else null. */
    private final SparseMatrix[] sparseTransitions;
    /** Σdyn_t's nonzeros where it is sparse enough (its dense entry is then null), else null. */
    private final SparseMatrix[] sparseNoise;

    /** The largest fraction of nonzero entries of F_t at which the sparse kernels are used. */
    public static final double SPARSE_DENSITY = 0.2;

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
        this.sparseTransitions = new SparseMatrix[transitions];
        this.sparseNoise = new SparseMatrix[transitions];
        for (int t = 0; t < transitions; t++) {
            sparseTransitions[t] = SparseMatrix.ifSparse(this.transitionMatrices[t], stateDimension,
                    stateDimension + actionDimension, SPARSE_DENSITY).orElse(null);
            sparseNoise[t] = SparseMatrix.ifSparse(this.noiseCovariances[t], stateDimension, stateDimension,
                    SPARSE_DENSITY).orElse(null);
            // a GPS run holds the dynamics of every condition at once: keep only one form of each matrix
            if (sparseTransitions[t] != null) {
                this.transitionMatrices[t] = null;
            }
            if (sparseNoise[t] != null) {
                this.noiseCovariances[t] = null;
            }
        }
    }

    /** Whether F_t is held sparse (so the passes skip its zeros). */
    public boolean isSparse(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return sparseTransitions[t] != null;
    }

    /** The mean of s_{t+1} given the joint mean μ_t over [s_t; u_t]: F_t μ_t + f_t. */
    public double[] apply(int t, double[] jointMean) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        int n = stateDimension + actionDimension;
        double[] out = sparseTransitions[t] != null ? sparseTransitions[t].multiplyVector(jointMean)
                : Matrices.multiplyVector(transitionMatrices[t], stateDimension, n, jointMean);
        double[] offset = transitionOffsets[t];
        for (int i = 0; i < stateDimension; i++) {
            out[i] += offset[i];
        }
        return out;
    }

    /** The covariance of s_{t+1} given the joint covariance Σ_t over [s_t; u_t]: F_t Σ_t F_tᵀ + Σdyn_t. */
    public double[] pushCovariance(int t, double[] jointCovariance) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        double[] out = sparseTransitions[t] != null ? sparseTransitions[t].congruence(jointCovariance)
                : Spd.congruence(transitionMatrices[t], stateDimension, stateDimension + actionDimension,
                        jointCovariance);
        if (sparseNoise[t] != null) {
            sparseNoise[t].addTo(out);
        } else {
            double[] noise = noiseCovariances[t];
            for (int i = 0; i < out.length; i++) {
                out[i] += noise[i];
            }
        }
        return out;
    }

    /** F_tᵀ w ((dX+dU) entries) for w over s_{t+1}: how a value gradient pulls back through the dynamics. */
    public double[] pullBackVector(int t, double[] w) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return sparseTransitions[t] != null ? sparseTransitions[t].transposeMultiplyVector(w)
                : Matrices.transposeMultiplyVector(transitionMatrices[t], stateDimension,
                        stateDimension + actionDimension, w);
    }

    /** F_tᵀ V F_t ((dX+dU)², exactly symmetric) for a symmetric V over s_{t+1}. */
    public double[] pullBack(int t, double[] v) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return sparseTransitions[t] != null ? sparseTransitions[t].transposedCongruence(v)
                : Spd.transposedCongruence(transitionMatrices[t], stateDimension, stateDimension + actionDimension,
                        v);
    }

    /** V f_t (dX entries) for V over s_{t+1}, without copying f_t. */
    public double[] valueTimesOffset(int t, double[] v) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return Matrices.multiplyVector(v, stateDimension, stateDimension, transitionOffsets[t]);
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
        return sparseTransitions[t] != null ? sparseTransitions[t].toDense() : transitionMatrices[t].clone();
    }

    /** f_t, dX entries (a copy). */
    public double[] transitionOffset(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return transitionOffsets[t].clone();
    }

    /** Σdyn_t, dX × dX (a copy). */
    public double[] noiseCovariance(int t) {
        PerStep.requireTimeStep(t, transitionMatrices.length);
        return sparseNoise[t] != null ? sparseNoise[t].toDense() : noiseCovariances[t].clone();
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
