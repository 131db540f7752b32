package org.l2o4j.gps.trajopt;

import java.io.Serializable;
import java.util.Objects;

import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.linalg.Spd;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * The one augmented-cost formula that local-only trajectory optimization, MDGPS and BADMM share (gps.md §4.6):
 * <pre>
 *   C̃_t = (Cm_t + η·A[anchor_t] + ν_t·A[π̄_t] − Λ_t) / (η + ν_t + α)
 *   c̃_t = (cv_t + η·a[anchor_t] + ν_t·a[π̄_t] − [0; λk_t]) / (η + ν_t + α)
 * </pre>
 * where ½yᵀA[g]y + yᵀa[g] is −log g(u|s) up to a constant (the KL and BADMM terms of Levine &amp; Abbeel 2014 §3.1 and
 * Levine et al. 2016 §4 and App. A), and Λ_t holds the BADMM dual gain λK_t in the u–s block and its transpose in the
 * s–u block. Everything except η is fixed during one η search, so it is summed once here and {@link #at(double)}
 * costs one scaled addition per entry.
 *
 * <p>Immutable. The anchor is also the distribution the KL constraint is measured against.
 */
public final class AugmentedCostBuilder {

    private final int stateDimension;
    private final int actionDimension;
    private final LinearGaussianController anchor;
    private final double[] policyWeights;
    private final double maxEntropyWeight;
    private final double[][] fixedHessians;
    private final double[][] fixedLinearTerms;
    private final double[][] anchorHessians;
    private final double[][] anchorLinearTerms;

    /**
     * The quadratic form of −log g(u | s) for g = N(Ks + k, S) with P = S⁻¹ at step t (gps.md §4.6):
     * {@code matrix} = A[g] = [[KᵀPK, −KᵀP], [−PK, P]] and {@code vector} = a[g] = [KᵀPk; −Pk], over y = [s; u].
     */
    public record QuadraticForm(double[] matrix, double[] vector) {

        /** A[g] and a[g] of controller g at step t. */
        public static QuadraticForm negativeLogDensity(LinearGaussianController g, int t) {
            int dX = g.stateDimension();
            int dU = g.actionDimension();
            int n = dX + dU;
            double[] gain = g.gain(t);
            double[] offset = g.offset(t);
            double[] precision = g.precision(t);
            double[] pk = Matrices.multiply(precision, dU, dU, gain, dX);
            double[] ktpk = Spd.transposedCongruence(gain, dU, dX, precision);
            double[] pOffset = Matrices.multiplyVector(precision, dU, dU, offset);
            double[] kTpOffset = Matrices.transposeMultiplyVector(gain, dU, dX, pOffset);
            double[] matrix = new double[n * n];
            double[] vector = new double[n];
            for (int i = 0; i < dX; i++) {
                System.arraycopy(ktpk, i * dX, matrix, i * n, dX);
                vector[i] = kTpOffset[i];
            }
            for (int a = 0; a < dU; a++) {
                for (int i = 0; i < dX; i++) {
                    matrix[(dX + a) * n + i] = -pk[a * dX + i];
                    matrix[i * n + dX + a] = -pk[a * dX + i];
                }
                System.arraycopy(precision, a * dU, matrix, (dX + a) * n + dX, dU);
                vector[dX + a] = -pOffset[a];
            }
            return new QuadraticForm(matrix, vector);
        }
    }

    private AugmentedCostBuilder(QuadraticCost cost, LinearGaussianController anchor,
            LinearGaussianController policy, double[] policyWeights, double[][] dualGains, double[][] dualOffsets,
            double maxEntropyWeight) {
        this.stateDimension = cost.stateDimension();
        this.actionDimension = cost.actionDimension();
        int horizon = cost.horizon();
        requireCompatible("anchor", anchor, cost);
        if (policy != null) {
            requireCompatible("linearized policy π̄", policy, cost);
        }
        if (policyWeights.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: ν has " + policyWeights.length
                    + " entries but T = " + horizon);
        }
        for (int t = 0; t < horizon; t++) {
            if (!(policyWeights[t] >= 0) || !Double.isFinite(policyWeights[t])) {
                throw new IllegalArgumentException("ν at t = " + t + " must be finite and ≥ 0 but is "
                        + policyWeights[t]);
            }
        }
        if (!(maxEntropyWeight >= 0) || !Double.isFinite(maxEntropyWeight)) {
            throw new IllegalArgumentException("the max-entropy weight α must be finite and ≥ 0 but is "
                    + maxEntropyWeight);
        }
        this.anchor = anchor;
        this.policyWeights = policyWeights.clone();
        this.maxEntropyWeight = maxEntropyWeight;
        int dX = stateDimension;
        int dU = actionDimension;
        int n = dX + dU;
        this.fixedHessians = new double[horizon][];
        this.fixedLinearTerms = new double[horizon][];
        this.anchorHessians = new double[horizon][];
        this.anchorLinearTerms = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            QuadraticForm anchorForm = QuadraticForm.negativeLogDensity(anchor, t);
            anchorHessians[t] = anchorForm.matrix();
            anchorLinearTerms[t] = anchorForm.vector();
            double[] hessian = cost.hessian(t);
            double[] linear = cost.linearTerm(t);
            double nu = policyWeights[t];
            if (policy != null && nu != 0) {
                QuadraticForm policyForm = QuadraticForm.negativeLogDensity(policy, t);
                for (int i = 0; i < n * n; i++) {
                    hessian[i] += nu * policyForm.matrix()[i];
                }
                for (int a = 0; a < n; a++) {
                    linear[a] += nu * policyForm.vector()[a];
                }
            }
            if (dualGains != null) {
                Matrices.requireLength("λK at t = " + t, dualGains[t], dU, dX);
                for (int a = 0; a < dU; a++) {
                    for (int i = 0; i < dX; i++) {
                        double lambda = dualGains[t][a * dX + i];
                        hessian[(dX + a) * n + i] -= lambda;
                        hessian[i * n + dX + a] -= lambda;
                    }
                }
            }
            if (dualOffsets != null) {
                Matrices.requireLength("λk at t = " + t, dualOffsets[t], dU, 1);
                for (int a = 0; a < dU; a++) {
                    linear[dX + a] -= dualOffsets[t][a];
                }
            }
            fixedHessians[t] = hessian;
            fixedLinearTerms[t] = linear;
        }
    }

    /**
     * Local-only trajectory optimization (Levine &amp; Abbeel 2014): anchor = the previous local controller, ν = 0,
     * λ = 0.
     */
    public static AugmentedCostBuilder localOnly(QuadraticCost cost, LinearGaussianController previousController) {
        return new AugmentedCostBuilder(cost, previousController, null, new double[cost.horizon()], null, null, 0);
    }

    /**
     * MDGPS's C-step (Montgomery &amp; Levine 2016; gps.md §3): anchor = π̄, the linearized global policy, ν = 0,
     * λ = 0.
     */
    public static AugmentedCostBuilder mdgps(QuadraticCost cost, LinearGaussianController linearizedPolicy) {
        return Inputs.mdgps(cost, linearizedPolicy).build();
    }

    /**
     * BADMM's C-step (Levine et al. 2016 §4, App. A; gps.md §3, §4.11): anchor = the previous local controller,
     * ν_t = the per-step policy weights, and the Lagrange multipliers λK_t (dU × dX) and λk_t (dU).
     */
    public static AugmentedCostBuilder badmm(QuadraticCost cost, LinearGaussianController previousController,
            LinearGaussianController linearizedPolicy, double[] policyWeights, double[][] dualGains,
            double[][] dualOffsets) {
        return Inputs.badmm(cost, previousController, linearizedPolicy, policyWeights, dualGains, dualOffsets)
                .build();
    }

    /**
     * What a builder is made from, for a C-step that runs elsewhere (an engine unit): the cost model, the controllers,
     * ν and λ are small next to the dense (dX + dU)² matrices per step that a builder precomputes twice, so a unit
     * carries these and {@link #build}s where it runs.
     *
     * @param cost          the quadratic cost model
     * @param anchor        the controller the KL constraint is measured against
     * @param policy        π̄ weighted by ν (BADMM); null for none
     * @param policyWeights ν_t, T entries ≥ 0
     * @param dualGains     λK_t; null for none
     * @param dualOffsets   λk_t; null for none
     */
    public record Inputs(QuadraticCost cost, LinearGaussianController anchor, LinearGaussianController policy,
            double[] policyWeights, double[][] dualGains, double[][] dualOffsets) implements Serializable {

        /** See {@link AugmentedCostBuilder#mdgps}. */
        public static Inputs mdgps(QuadraticCost cost, LinearGaussianController linearizedPolicy) {
            return new Inputs(cost, linearizedPolicy, null, new double[cost.horizon()], null, null);
        }

        /** See {@link AugmentedCostBuilder#badmm}. */
        public static Inputs badmm(QuadraticCost cost, LinearGaussianController previousController,
                LinearGaussianController linearizedPolicy, double[] policyWeights, double[][] dualGains,
                double[][] dualOffsets) {
            Objects.requireNonNull(linearizedPolicy, "BADMM needs the linearized policy π̄");
            int horizon = cost.horizon();
            if (dualGains.length != horizon || dualOffsets.length != horizon) {
                throw new IllegalArgumentException("dimension mismatch: λK has " + dualGains.length + " and λk has "
                        + dualOffsets.length + " steps but T = " + horizon);
            }
            return new Inputs(cost, previousController, linearizedPolicy, policyWeights, dualGains, dualOffsets);
        }

        /** The builder. */
        public AugmentedCostBuilder build() {
            return new AugmentedCostBuilder(cost, anchor, policy, policyWeights, dualGains, dualOffsets, 0);
        }
    }

    /**
     * The same objective with max-entropy weight α ≥ 0 (cbfinn's {@code max_ent_traj}; 0 by default): the cost is
     * divided by η + ν_t + α, which leaves the new controller an entropy bonus.
     */
    public AugmentedCostBuilder withMaxEntropyWeight(double alpha) {
        return new AugmentedCostBuilder(this, alpha);
    }

    private AugmentedCostBuilder(AugmentedCostBuilder base, double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("the max-entropy weight α must be finite and ≥ 0 but is " + alpha);
        }
        this.stateDimension = base.stateDimension;
        this.actionDimension = base.actionDimension;
        this.anchor = base.anchor;
        this.policyWeights = base.policyWeights;
        this.maxEntropyWeight = alpha;
        this.fixedHessians = base.fixedHessians;
        this.fixedLinearTerms = base.fixedLinearTerms;
        this.anchorHessians = base.anchorHessians;
        this.anchorLinearTerms = base.anchorLinearTerms;
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
        return fixedHessians.length;
    }

    /** The distribution the KL constraint is measured against, and whose log-density η weighs. */
    public LinearGaussianController anchor() {
        return anchor;
    }

    /** ν_t (a copy). */
    public double[] policyWeights() {
        return policyWeights.clone();
    }

    /** α. */
    public double maxEntropyWeight() {
        return maxEntropyWeight;
    }

    /** C̃_t(η) and c̃_t(η) for every step. */
    public AugmentedCost at(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("η must be positive and finite but is " + eta);
        }
        int horizon = horizon();
        int n = stateDimension + actionDimension;
        double[][] hessians = new double[horizon][n * n];
        double[][] linearTerms = new double[horizon][n];
        double[] divisors = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            double divisor = eta + policyWeights[t] + maxEntropyWeight;
            divisors[t] = divisor;
            double[] fixed = fixedHessians[t];
            double[] anchorPart = anchorHessians[t];
            double[] out = hessians[t];
            for (int i = 0; i < n * n; i++) {
                out[i] = (fixed[i] + eta * anchorPart[i]) / divisor;
            }
            for (int a = 0; a < n; a++) {
                linearTerms[t][a] = (fixedLinearTerms[t][a] + eta * anchorLinearTerms[t][a]) / divisor;
            }
        }
        return new AugmentedCost(stateDimension, actionDimension, hessians, linearTerms, divisors);
    }

    private static void requireCompatible(String what, LinearGaussianController g, QuadraticCost cost) {
        if (g.stateDimension() != cost.stateDimension() || g.actionDimension() != cost.actionDimension()
                || g.horizon() != cost.horizon()) {
            throw new IllegalArgumentException("dimension mismatch: the " + what + " has dX = " + g.stateDimension()
                    + ", dU = " + g.actionDimension() + ", T = " + g.horizon() + " but the cost has dX = "
                    + cost.stateDimension() + ", dU = " + cost.actionDimension() + ", T = " + cost.horizon());
        }
    }
}
