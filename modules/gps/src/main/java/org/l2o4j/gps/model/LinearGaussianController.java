package org.l2o4j.gps.model;

import java.io.Serializable;

import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.linalg.Spd;

/**
 * A time-varying linear-Gaussian (TVLG) controller p(u | s, t) = N(K_t s + k_t, Σ_t) over T steps (Levine &amp; Abbeel
 * 2014 §3; gps.md §2 "local controllers" and §4.1). It stores, per step, the gain K_t (dU × dX), the offset k_t (dU),
 * the covariance Σ_t, its <em>lower</em> Cholesky factor L_t (Σ_t = L_t L_tᵀ) and the precision Σ_t⁻¹, all row-major.
 * The precision is kept rather than recomputed because the LQG backward pass produces it exactly (Σ_t⁻¹ = Q_uu,
 * gps.md §4.7) and the augmented cost and the S-step consume it.
 *
 * <p>Immutable: arrays are copied in and copied out.
 */
public final class LinearGaussianController implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int stateDimension;
    private final int actionDimension;
    private final double[][] gains;
    private final double[][] offsets;
    private final double[][] covariances;
    private final double[][] covarianceCholeskyFactors;
    private final double[][] precisions;

    /**
     * @param stateDimension            dX
     * @param actionDimension           dU
     * @param gains                     K_t, T arrays of dU × dX
     * @param offsets                   k_t, T arrays of dU
     * @param covariances               Σ_t, T arrays of dU × dU
     * @param covarianceCholeskyFactors lower L_t with Σ_t = L_t L_tᵀ (not the upper factor scipy returns)
     * @param precisions                Σ_t⁻¹
     */
    public LinearGaussianController(int stateDimension, int actionDimension, double[][] gains, double[][] offsets,
            double[][] covariances, double[][] covarianceCholeskyFactors, double[][] precisions) {
        this.stateDimension = PerStep.positive("dX", stateDimension);
        this.actionDimension = PerStep.positive("dU", actionDimension);
        if (gains == null || gains.length == 0) {
            throw new IllegalArgumentException("a controller needs at least one time step of gains");
        }
        int horizon = gains.length;
        this.gains = PerStep.copy("K", gains, horizon, actionDimension, stateDimension);
        this.offsets = PerStep.copy("k", offsets, horizon, actionDimension, 1);
        this.covariances = PerStep.copy("Σ", covariances, horizon, actionDimension, actionDimension);
        this.covarianceCholeskyFactors = PerStep.copy("chol(Σ)", covarianceCholeskyFactors, horizon,
                actionDimension, actionDimension);
        this.precisions = PerStep.copy("Σ⁻¹", precisions, horizon, actionDimension, actionDimension);
        for (int t = 0; t < horizon; t++) {
            double[] l = this.covarianceCholeskyFactors[t];
            for (int i = 0; i < actionDimension; i++) {
                for (int j = i + 1; j < actionDimension; j++) {
                    if (l[i * actionDimension + j] != 0) {
                        throw new IllegalArgumentException("chol(Σ) at t = " + t + " must be lower triangular but ("
                                + i + ", " + j + ") = " + l[i * actionDimension + j]
                                + "; pass the transpose of an upper factor");
                    }
                }
            }
        }
    }

    /**
     * The controller with these gains, offsets and covariances; the Cholesky factors and precisions are computed.
     *
     * @throws org.l2o4j.gps.linalg.NotPositiveDefiniteException naming the time step whose Σ_t is not SPD
     */
    public static LinearGaussianController fromCovariances(int stateDimension, int actionDimension,
            double[][] gains, double[][] offsets, double[][] covariances) {
        int horizon = covariances.length;
        double[][] factors = new double[horizon][];
        double[][] precisions = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            factors[t] = Spd.cholesky(covariances[t], actionDimension, "Σ at t = " + t);
            precisions[t] = Spd.inverseFromCholesky(factors[t], actionDimension);
        }
        return new LinearGaussianController(stateDimension, actionDimension, gains, offsets, covariances, factors,
                precisions);
    }

    /** dX. */
    public int stateDimension() {
        return stateDimension;
    }

    /** dU. */
    public int actionDimension() {
        return actionDimension;
    }

    /** T, the number of time steps. */
    public int horizon() {
        return gains.length;
    }

    /** K_t, dU × dX row-major (a copy). */
    public double[] gain(int t) {
        PerStep.requireTimeStep(t, horizon());
        return gains[t].clone();
    }

    /** k_t, dU entries (a copy). */
    public double[] offset(int t) {
        PerStep.requireTimeStep(t, horizon());
        return offsets[t].clone();
    }

    /** Σ_t, dU × dU (a copy). */
    public double[] covariance(int t) {
        PerStep.requireTimeStep(t, horizon());
        return covariances[t].clone();
    }

    /** Lower L_t with Σ_t = L_t L_tᵀ (a copy). */
    public double[] covarianceCholesky(int t) {
        PerStep.requireTimeStep(t, horizon());
        return covarianceCholeskyFactors[t].clone();
    }

    /** Σ_t⁻¹ (a copy). */
    public double[] precision(int t) {
        PerStep.requireTimeStep(t, horizon());
        return precisions[t].clone();
    }

    /** ln|Σ_t| from the Cholesky diagonal. */
    public double logDeterminantCovariance(int t) {
        PerStep.requireTimeStep(t, horizon());
        return Spd.logDeterminant(covarianceCholeskyFactors[t], actionDimension);
    }

    /** The mean action K_t s + k_t. */
    public double[] meanAction(double[] state, int t) {
        PerStep.requireTimeStep(t, horizon());
        Matrices.requireLength("state", state, stateDimension, 1);
        double[] u = Matrices.multiplyVector(gains[t], actionDimension, stateDimension, state);
        for (int j = 0; j < actionDimension; j++) {
            u[j] += offsets[t][j];
        }
        return u;
    }

    /**
     * u = K_t s + k_t + L_t ξ: one action drawn with the caller's standard-normal noise ξ (gps.md §4.1), so that
     * rollouts are replayable from the recorded noise.
     */
    public double[] act(double[] state, int t, double[] noise) {
        Matrices.requireLength("noise ξ", noise, actionDimension, 1);
        double[] u = meanAction(state, t);
        double[] l = covarianceCholeskyFactors[t];
        for (int i = 0; i < actionDimension; i++) {
            for (int j = 0; j <= i; j++) {
                u[i] += l[i * actionDimension + j] * noise[j];
            }
        }
        return u;
    }
}
