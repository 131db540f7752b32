package org.l2o4j.gps.algorithm;

import java.io.Serializable;
import java.util.Arrays;

import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.model.LinearGaussianController;

/**
 * BADMM's per-condition dual state (Levine et al. 2016 §4, App. A; gps.md §4.11): the policy weights ν_t and the
 * Lagrange multipliers λK_t (dU × dX, row-major) and λk_t (dU) of the constraint p(u | s) = π_θ(u | o) at every
 * step t, and the three updates BADMM makes to them:
 * <ul>
 * <li>the S-step's target {@link #policyTarget}: μ* = K_t s + k_t − ν_t Σ_t (λK_t s + λk_t) (the reference's
 *     convention);</li>
 * <li>the dual step {@link #afterDualStep}: λk_t ← λk_t − ρ·ν_t·P_t·mean_i(μ_p(s_i) − μ_θ(o_i)) and
 *     λK_t ← λK_t − ρ_K·ν_t·P_t·(K_t − K̄_t), with P_t = Σ_t⁻¹ of p. When p lies above π, λ falls: the C-step's
 *     −uᵀλk cost term then pushes p down and the S-step's target pulls π up;</li>
 * <li>the weight update {@link #withPolicyWeights} on the last inner iteration ({@link BadmmConfig.PolicyWeightRule}).
 * </li>
 * </ul>
 * Immutable: every update returns a new value, and accessors return copies.
 */
public final class BadmmDuals implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int stateDimension;
    private final int actionDimension;
    private final double[] policyWeights;
    private final double[][] dualGains;
    private final double[][] dualOffsets;

    /**
     * @param stateDimension  dX
     * @param actionDimension dU
     * @param policyWeights   ν_t, T entries, each finite and ≥ 0
     * @param dualGains       λK_t, T arrays of dU·dX entries
     * @param dualOffsets     λk_t, T arrays of dU entries
     */
    public BadmmDuals(int stateDimension, int actionDimension, double[] policyWeights, double[][] dualGains,
            double[][] dualOffsets) {
        int horizon = policyWeights.length;
        if (horizon == 0 || dualGains.length != horizon || dualOffsets.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: ν has " + policyWeights.length + ", λK "
                    + dualGains.length + " and λk " + dualOffsets.length + " steps; they need the same T ≥ 1");
        }
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.policyWeights = policyWeights.clone();
        this.dualGains = new double[horizon][];
        this.dualOffsets = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            if (!(policyWeights[t] >= 0) || !Double.isFinite(policyWeights[t])) {
                throw new IllegalArgumentException("ν at t = " + t + " must be finite and ≥ 0, got "
                        + policyWeights[t]);
            }
            Matrices.requireLength("λK at t = " + t, dualGains[t], actionDimension, stateDimension);
            Matrices.requireLength("λk at t = " + t, dualOffsets[t], actionDimension, 1);
            requireFinite("λK", dualGains[t], t);
            requireFinite("λk", dualOffsets[t], t);
            this.dualGains[t] = dualGains[t].clone();
            this.dualOffsets[t] = dualOffsets[t].clone();
        }
    }

    /** ν_t = {@code initialPolicyWeight} everywhere, λ = 0 (gps.md §4.11, ν starts at 0.01). */
    public static BadmmDuals initial(int horizon, int stateDimension, int actionDimension,
            double initialPolicyWeight) {
        double[] weights = new double[horizon];
        Arrays.fill(weights, initialPolicyWeight);
        return new BadmmDuals(stateDimension, actionDimension, weights, new double[horizon][actionDimension
                * stateDimension], new double[horizon][actionDimension]);
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
        return policyWeights.length;
    }

    /** ν_t for every t (a copy). */
    public double[] policyWeights() {
        return policyWeights.clone();
    }

    /** λK_t for every t, dU × dX row-major each (copies). */
    public double[][] dualGains() {
        return copy(dualGains);
    }

    /** λk_t for every t (copies). */
    public double[][] dualOffsets() {
        return copy(dualOffsets);
    }

    /** The S-step's target mean at state s: K_t s + k_t − ν_t Σ_t (λK_t s + λk_t) of controller p (gps.md §4.11). */
    public double[] policyTarget(LinearGaussianController p, double[] state, int t) {
        double[] lambda = Matrices.multiplyVector(dualGains[t], actionDimension, stateDimension, state);
        for (int a = 0; a < actionDimension; a++) {
            lambda[a] += dualOffsets[t][a];
        }
        double[] shift = Matrices.multiplyVector(p.covariance(t), actionDimension, actionDimension, lambda);
        double[] target = p.meanAction(state, t);
        for (int a = 0; a < actionDimension; a++) {
            target[a] -= policyWeights[t] * shift[a];
        }
        return target;
    }

    /**
     * The dual step (gps.md §4.11) after an S-step.
     *
     * @param p            the newest local controller
     * @param states       the sampled states s_i of this condition, N × T × dX
     * @param policyMeans  μ_θ(o_i) of the current network at the same samples, N × T × dU
     * @param linearized   π̄, the current network linearized on the samples (its gains K̄_t enter the λK step)
     * @param dualRate     ρ, the step on λk
     * @param dualGainRate ρ_K, the step on λK (0 leaves λK unchanged)
     */
    public BadmmDuals afterDualStep(LinearGaussianController p, double[][][] states, double[][][] policyMeans,
            LinearGaussianController linearized, double dualRate, double dualGainRate) {
        int horizon = horizon();
        int samples = states.length;
        double[][] gains = dualGains();
        double[][] offsets = dualOffsets();
        for (int t = 0; t < horizon; t++) {
            double[] gap = new double[actionDimension];
            for (int n = 0; n < samples; n++) {
                double[] mean = p.meanAction(states[n][t], t);
                for (int a = 0; a < actionDimension; a++) {
                    gap[a] += (mean[a] - policyMeans[n][t][a]) / samples;
                }
            }
            double[] precision = p.precision(t);
            double[] step = Matrices.multiplyVector(precision, actionDimension, actionDimension, gap);
            for (int a = 0; a < actionDimension; a++) {
                offsets[t][a] -= dualRate * policyWeights[t] * step[a];
            }
            if (dualGainRate != 0) {
                double[] gainGap = p.gain(t);
                double[] linearizedGain = linearized.gain(t);
                for (int i = 0; i < gainGap.length; i++) {
                    gainGap[i] -= linearizedGain[i];
                }
                double[] gainStep = Matrices.multiply(precision, actionDimension, actionDimension, gainGap,
                        stateDimension);
                for (int i = 0; i < gainStep.length; i++) {
                    gains[t][i] -= dualGainRate * policyWeights[t] * gainStep[i];
                }
            }
        }
        return new BadmmDuals(stateDimension, actionDimension, policyWeights, gains, offsets);
    }

    /** The same multipliers with ν updated by {@code rule} from KL_t(p ‖ π), t = 0 … T−1 (gps.md §4.11). */
    public BadmmDuals withPolicyWeights(BadmmConfig.PolicyWeightRule rule, double[] klToPolicyPerStep) {
        int horizon = horizon();
        if (klToPolicyPerStep.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: " + klToPolicyPerStep.length
                    + " KL terms but T = " + horizon);
        }
        double[] weights = policyWeights();
        switch (rule) {
            case RELATIVE_KL -> {
                double mean = 0;
                for (double kl : klToPolicyPerStep) {
                    mean += kl / horizon;
                }
                double variance = 0;
                for (double kl : klToPolicyPerStep) {
                    variance += (kl - mean) * (kl - mean) / horizon;
                }
                double std = Math.sqrt(variance);
                for (int t = 0; t < horizon; t++) {
                    if (klToPolicyPerStep[t] < mean - BadmmConfig.PolicyWeightRule.LOW_DEVIATIONS * std) {
                        weights[t] *= BadmmConfig.PolicyWeightRule.SHRINK;
                    } else if (klToPolicyPerStep[t] >= mean + BadmmConfig.PolicyWeightRule.HIGH_DEVIATIONS * std) {
                        weights[t] *= BadmmConfig.PolicyWeightRule.GROW;
                    }
                }
            }
            case DUAL_ASCENT -> {
                for (int t = 0; t < horizon; t++) {
                    weights[t] = Math.max(0, weights[t] + BadmmConfig.PolicyWeightRule.ASCENT_STEP
                            * klToPolicyPerStep[t]);
                }
            }
        }
        return new BadmmDuals(stateDimension, actionDimension, weights, dualGains, dualOffsets);
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int t = 0; t < values.length; t++) {
            out[t] = values[t].clone();
        }
        return out;
    }

    private static void requireFinite(String what, double[] values, int t) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " at t = " + t + " must be finite, got " + v);
            }
        }
    }
}
