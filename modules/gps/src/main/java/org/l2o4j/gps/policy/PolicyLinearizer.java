package org.l2o4j.gps.policy;

import org.l2o4j.policy.Policy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.l2o4j.gps.dynamics.ConditionedGaussian;
import org.l2o4j.gps.dynamics.GaussianConditioner;
import org.l2o4j.gps.dynamics.GmmPrior;
import org.l2o4j.gps.dynamics.GmmPriorState;
import org.l2o4j.gps.dynamics.NiwPrior;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.sampling.SampleBatch;

/**
 * Linearizes the global policy around one condition's samples (gps.md §4.9; Levine et al. 2016 App. A.3, cbfinn/gps
 * {@code PolicyPriorGMM}): π̄(u | s, t) = N(K̄_t s + k̄_t, S̄_t), the local linear-Gaussian stand-in for π_θ that
 * the KL terms of MDGPS and BADMM need.
 * <ol>
 *   <li>The policy's means μ_θ(o_t) are computed for all N·T sampled observations in one batched call.</li>
 *   <li>{@link #updatePrior}: in mode {@link PolicyLinearizerConfig.Prior#REPLACE} a Gaussian mixture (the EM of
 *       {@link GmmPrior}, gps.md §4.4) is fitted on the points [s_t; μ_θ(o_t)] of the current batch, all t.</li>
 *   <li>{@link #linearize}: for each t, the N points [s_t; μ_θ(o_t)] are conditioned on s_t by
 *       {@link GaussianConditioner} (§4.3) under the mixture's NIW prior for those points (or none) with r·I added to
 *       the s block, which gives K̄_t, k̄_t and the regression residual covariance.</li>
 *   <li>S̄_t = residual + diag σ², the network's own state-independent variance, so that π̄ is as wide as π_θ
 *       wherever the linear fit is exact.</li>
 * </ol>
 * The mean stays the empirical mean of each time step, as in the dynamics fit, so the prior shapes only the slope and
 * the covariance.
 *
 * <p>Lifecycle, per condition: construct with the configuration and a seed (the mixture's random initial assignments
 * are drawn from it); each GPS iteration call {@link #updatePrior} with the new samples and the current policy, then
 * {@link #linearize} as often as the policy changes (BADMM re-linearizes within its inner loop without refitting the
 * prior, gps.md §3). The prior is the only state: {@link #priorState} captures it between GPS iterations, and
 * {@link #restorePrior} on a new linearizer with the same configuration and seed continues from it bit for bit. Not
 * thread-safe; use one linearizer per condition.
 */
public final class PolicyLinearizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PolicyLinearizerConfig config;
    private final long seed;
    /** Mode replace: rebuilt when N changes so that its buffer always holds exactly the current batch. */
    private GmmPrior prior;
    private int priorTrajectories;

    /**
     * @param config the prior mode, the mixture settings and the ridge
     * @param seed   the stream of the mixture's random initial assignments
     */
    public PolicyLinearizer(PolicyLinearizerConfig config, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
    }

    /** The configuration. */
    public PolicyLinearizerConfig config() {
        return config;
    }

    /**
     * Refits the policy prior on the current samples (mode {@code replace}: the previous batch is dropped, EM
     * warm-starts from the previous mixture when its cluster count still fits). Does nothing without a prior.
     */
    public void updatePrior(SampleBatch batch, Policy policy) {
        if (config.prior() == PolicyLinearizerConfig.Prior.NONE) {
            return;
        }
        double[][][] means = policyMeans(batch, policy);
        int samples = batch.sampleCount();
        List<double[][]> trajectories = new ArrayList<>(samples);
        for (int n = 0; n < samples; n++) {
            double[][] rows = new double[batch.horizon()][];
            for (int t = 0; t < batch.horizon(); t++) {
                rows[t] = joint(batch.states()[n][t], means[n][t]);
            }
            trajectories.add(rows);
        }
        if (prior == null || priorTrajectories != samples) {
            prior = new GmmPrior(config.gmm().withMaxSamples(samples), seed);
            priorTrajectories = samples;
        }
        prior.update(trajectories);
    }

    /**
     * The policy prior's state for a checkpoint between GPS iterations (the buffer of mode replace is the last batch,
     * so it also gives the prior's buffer size); empty without a prior or before the first {@link #updatePrior}.
     */
    public Optional<GmmPriorState> priorState() {
        return prior == null ? Optional.empty() : prior.state();
    }

    /**
     * Continues from a {@link #priorState} of a linearizer with this configuration and seed, as the next
     * {@link #updatePrior} of the uninterrupted run would.
     *
     * @throws IllegalArgumentException if this linearizer has no prior (mode {@code none}), or the state does not
     *                                  fit its mixture settings
     * @throws IllegalStateException    if this linearizer's prior was already fitted or restored
     */
    public void restorePrior(GmmPriorState state) {
        Objects.requireNonNull(state, "state");
        if (config.prior() != PolicyLinearizerConfig.Prior.REPLACE) {
            throw new IllegalArgumentException("this policy linearizer has prior mode " + config.prior()
                    + ", which keeps no state to restore; restore with the configuration the state was taken with");
        }
        if (prior != null) {
            throw new IllegalStateException("the policy prior was already fitted or restored; restore into a new"
                    + " PolicyLinearizer");
        }
        int samples = state.trajectoryCount();
        GmmPrior restored = new GmmPrior(config.gmm().withMaxSamples(samples), seed);
        restored.restore(state);
        prior = restored;
        priorTrajectories = samples;
    }

    /**
     * π̄ for this batch and the policy as it is now.
     *
     * @throws IllegalStateException if the prior is used but {@link #updatePrior} was never called, or a fit is not
     *                               finite (names the time step)
     * @throws org.l2o4j.gps.linalg.NotPositiveDefiniteException if a regression's s block stays singular (raise the
     *                               ridge) or some S̄_t is not positive definite (a zero policy variance)
     */
    public LinearGaussianController linearize(SampleBatch batch, Policy policy) {
        if (config.prior() == PolicyLinearizerConfig.Prior.REPLACE && prior == null) {
            throw new IllegalStateException("the policy prior (mode replace) has not been fitted; call updatePrior"
                    + " with this iteration's samples before linearize");
        }
        double[][][] means = policyMeans(batch, policy);
        double[] variance = variance(policy, batch.actionDimension());
        int samples = batch.sampleCount();
        int horizon = batch.horizon();
        int dX = batch.stateDimension();
        int dU = batch.actionDimension();
        if (samples < 2) {
            throw new IllegalArgumentException("policy linearization needs N ≥ 2 samples, got " + samples);
        }
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[][] points = new double[samples][];
        for (int t = 0; t < horizon; t++) {
            for (int n = 0; n < samples; n++) {
                points[n] = joint(batch.states()[n][t], means[n][t]);
            }
            NiwPrior niw = config.prior() == PolicyLinearizerConfig.Prior.NONE
                    ? NiwPrior.none(dX + dU)
                    : prior.evaluate(points);
            ConditionedGaussian fit = GaussianConditioner.condition(points, null, dX, niw, config.ridge(),
                    GaussianConditioner.RidgeForm.IDENTITY);
            requireFinite(fit.gain(), "K̄", t);
            requireFinite(fit.offset(), "k̄", t);
            requireFinite(fit.covariance(), "S̄", t);
            double[] covariance = fit.covariance();
            for (int j = 0; j < dU; j++) {
                covariance[j * dU + j] += variance[j];
            }
            gains[t] = fit.gain();
            offsets[t] = fit.offset();
            covariances[t] = covariance;
        }
        return LinearGaussianController.fromCovariances(dX, dU, gains, offsets, covariances);
    }

    /** μ_θ(o_t) for every sample and step, N × T × dU, from one batched query. */
    public static double[][][] policyMeans(SampleBatch batch, Policy policy) {
        Objects.requireNonNull(policy, "policy");
        int samples = batch.sampleCount();
        int horizon = batch.horizon();
        int dO = batch.observationDimension();
        int dU = batch.actionDimension();
        if (policy.inputDimension() != dO || policy.outputDimension() != dU) {
            throw new IllegalArgumentException("dimension mismatch: the policy maps " + policy.inputDimension()
                    + " → " + policy.outputDimension() + " but the samples have dO = " + dO + " and dU = " + dU);
        }
        int rows = samples * horizon;
        double[] inputs = new double[rows * dO];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                System.arraycopy(batch.observations()[n][t], 0, inputs, (n * horizon + t) * dO, dO);
            }
        }
        double[] flat = new double[rows * dU];
        policy.mean(inputs, rows, flat);
        double[][][] means = new double[samples][horizon][dU];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                System.arraycopy(flat, (n * horizon + t) * dU, means[n][t], 0, dU);
            }
        }
        return means;
    }

    private static double[] variance(Policy policy, int dU) {
        double[] variance = policy.variance();
        if (variance.length != dU) {
            throw new IllegalArgumentException("dimension mismatch: the policy has " + variance.length
                    + " variances but dU = " + dU);
        }
        for (int j = 0; j < dU; j++) {
            if (!(variance[j] >= 0) || !Double.isFinite(variance[j])) {
                throw new IllegalArgumentException("policy variance entry " + j + " must be finite and ≥ 0, got "
                        + variance[j]);
            }
        }
        return variance;
    }

    private static double[] joint(double[] state, double[] mean) {
        double[] y = new double[state.length + mean.length];
        System.arraycopy(state, 0, y, 0, state.length);
        System.arraycopy(mean, 0, y, state.length, mean.length);
        return y;
    }

    private static void requireFinite(double[] values, String what, int t) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("policy linearization produced a non-finite " + what + " at t = " + t
                        + "; check the policy's means for NaN/Inf and the ridge/prior settings");
            }
        }
    }
}
