package org.l2o4j.gps.algorithm;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;

/**
 * The settings of the BADMM coupling (Levine, Finn, Darrell &amp; Abbeel, JMLR 2016, §4 and App. A; gps.md §3 "BADMM
 * iteration", §4.11), the one Li &amp; Malik ran. {@link #liMalik()} holds gps.md §6's "Li &amp; Malik released
 * config" column. Unused when {@link GpsConfig#coupling()} is {@link GpsConfig.Coupling#MDGPS}.
 *
 * @param innerIterations     J, the S-step / dual step / C-step rounds per GPS iteration (Li: 4)
 * @param dualRate            ρ ({@code policy_dual_rate}) of the dual step on λk_t (Li: 0.2; cbfinn 0.1)
 * @param dualGainRate        ρ_K ({@code policy_dual_rate_covar}) of the dual step on λK_t (Li: 0, so λK stays 0)
 * @param initialPolicyWeight ν_t of every step before the first update (Li: 0.01)
 * @param policyWeightRule    how ν_t moves on the last inner iteration (Li: {@link PolicyWeightRule#RELATIVE_KL})
 */
public record BadmmConfig(int innerIterations, double dualRate, double dualGainRate, double initialPolicyWeight,
        PolicyWeightRule policyWeightRule) {

    /** The ν_t update on the last inner iteration (gps.md §4.11). */
    public enum PolicyWeightRule {
        /**
         * Li's rule 3: with the mean m and standard deviation s of KL_t(p ‖ π) over t, ν_t ← ν_t·{@value #SHRINK}
         * where KL_t &lt; m − {@value #LOW_DEVIATIONS}·s and ν_t ← ν_t·{@value #GROW} where
         * KL_t ≥ m + {@value #HIGH_DEVIATIONS}·s: the weight follows the steps where p strays furthest from π.
         */
        RELATIVE_KL,
        /** Rule 0, standard dual ascent (cbfinn's default): ν_t ← max(0, ν_t + {@value #ASCENT_STEP}·KL_t). */
        DUAL_ASCENT;

        /** Rule 3's factor for steps well below the mean KL. */
        public static final double SHRINK = 0.5;
        /** Rule 3's factor for steps well above the mean KL. */
        public static final double GROW = 2.0;
        /** Rule 3 shrinks below mean − this many standard deviations. */
        public static final double LOW_DEVIATIONS = 1.0;
        /** Rule 3 grows at or above mean + this many standard deviations. */
        public static final double HIGH_DEVIATIONS = 0.5;
        /** Rule 0's step ({@code lg_step}). */
        public static final double ASCENT_STEP = 10.0;
    }

    public BadmmConfig {
        Checks.positive("badmm.innerIterations", innerIterations);
        Checks.nonNegative("badmm.dualRate", dualRate);
        Checks.nonNegative("badmm.dualGainRate", dualGainRate);
        Checks.positive("badmm.initialPolicyWeight", initialPolicyWeight);
        if (policyWeightRule == null) {
            throw new ConfigException("badmm.policyWeightRule must be given, got null");
        }
    }

    /** gps.md §6: J = 4, ρ = 0.2, ρ_K = 0, ν_0 = 0.01, rule 3. */
    public static BadmmConfig liMalik() {
        return new BadmmConfig(4, 0.2, 0.0, 0.01, PolicyWeightRule.RELATIVE_KL);
    }
}
