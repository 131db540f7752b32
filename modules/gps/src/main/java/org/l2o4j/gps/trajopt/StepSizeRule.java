package org.l2o4j.gps.trajopt;

import java.util.List;

/**
 * Adapts the KL step ε between GPS iterations (gps.md §4.8; Levine &amp; Abbeel 2014 §3.1, Levine et al. 2016
 * App. A): the improvement is modelled as quadratic in the step size, so the step moves to that quadratic's maximizer,
 * <pre>
 *   multiplier = clamp(pred / (2·max(1e-4, pred − actual)), minIterationMultiplier, maxIterationMultiplier)
 *   stepMult   = clamp(stepMult · multiplier, minStepMultiplier, maxStepMultiplier)
 * </pre>
 * and ε = kl_step · stepMult · T. Which costs make up pred and actual depends on the coupling; see
 * {@link Improvement}.
 *
 * @param minIterationMultiplier bound on one iteration's change (0.1; hard-coded in the reference)
 * @param maxIterationMultiplier bound on one iteration's change (5; hard-coded in the reference)
 * @param minStepMultiplier      floor of stepMult (Li &amp; Malik: 0.01)
 * @param maxStepMultiplier      ceiling of stepMult (Li &amp; Malik: 10)
 */
public record StepSizeRule(double minIterationMultiplier, double maxIterationMultiplier, double minStepMultiplier,
        double maxStepMultiplier) {

    /** The denominator floor: a predicted improvement that is (nearly) all realized must not divide by zero. */
    private static final double MIN_IMPROVEMENT_GAP = 1e-4;

    /** Validates 0 &lt; min ≤ max for both pairs. */
    public StepSizeRule {
        if (!(minIterationMultiplier > 0) || !(maxIterationMultiplier >= minIterationMultiplier)
                || !Double.isFinite(maxIterationMultiplier)) {
            throw new IllegalArgumentException("need 0 < minIterationMultiplier ≤ maxIterationMultiplier < ∞ but got "
                    + minIterationMultiplier + ", " + maxIterationMultiplier);
        }
        if (!(minStepMultiplier > 0) || !(maxStepMultiplier >= minStepMultiplier)
                || !Double.isFinite(maxStepMultiplier)) {
            throw new IllegalArgumentException("need 0 < minStepMultiplier ≤ maxStepMultiplier < ∞ but got "
                    + minStepMultiplier + ", " + maxStepMultiplier);
        }
    }

    /** Li &amp; Malik's configuration (gps.md §6): per-iteration [0.1, 5], stepMult in [0.01, 10]. */
    public static StepSizeRule liMalik() {
        return new StepSizeRule(0.1, 5, 0.01, 10);
    }

    /**
     * The predicted and the actual improvement of the expected cost over one iteration, each the Laplace estimate
     * of §4.5. With a baseline b, the new controller's cost p predicted under the old dynamics and the realized
     * cost a, predicted = b − p and actual = b − a, where
     * <ul>
     * <li>local-only: b = cost(p_prev; dyn_prev), p = cost(p_new; dyn_prev), a = cost(p_new; dyn_cur);</li>
     * <li>MDGPS ({@code laplace}): b = cost(π̄_prev; dyn_prev), p = cost(p_new; dyn_prev),
     * a = cost(π̄_cur; dyn_cur), averaged over conditions by {@link #mean};</li>
     * <li>BADMM: the local-only costs, each augmented by {@link #policyAugmentedCost}.</li>
     * </ul>
     */
    public record Improvement(double predicted, double actual) {

        /** predicted = baseline − predictedNew, actual = baseline − actualNew. */
        public static Improvement of(double baselineCost, double predictedNewCost, double actualNewCost) {
            return new Improvement(baselineCost - predictedNewCost, baselineCost - actualNewCost);
        }

        /** MDGPS shares one multiplier across conditions: the mean of their improvements. */
        public static Improvement mean(List<Improvement> perCondition) {
            if (perCondition.isEmpty()) {
                throw new IllegalArgumentException("need at least one condition's improvement");
            }
            double predicted = 0;
            double actual = 0;
            for (Improvement i : perCondition) {
                predicted += i.predicted();
                actual += i.actual();
            }
            return new Improvement(predicted / perCondition.size(), actual / perCondition.size());
        }

        /**
         * BADMM's cost for the step rule: Σ_t [E c_t + ν_t · KL_t(p ‖ π̄)], so that drifting away from the global
         * policy counts as a cost (Levine et al. 2016 App. A).
         */
        public static double policyAugmentedCost(double[] laplaceCostPerStep, double[] policyWeights,
                double[] klToPolicyPerStep) {
            if (policyWeights.length != laplaceCostPerStep.length
                    || klToPolicyPerStep.length != laplaceCostPerStep.length) {
                throw new IllegalArgumentException("dimension mismatch: " + laplaceCostPerStep.length + " costs, "
                        + policyWeights.length + " weights ν and " + klToPolicyPerStep.length + " KL terms");
            }
            double total = 0;
            for (int t = 0; t < laplaceCostPerStep.length; t++) {
                total += laplaceCostPerStep[t] + policyWeights[t] * klToPolicyPerStep[t];
            }
            return total;
        }
    }

    /** The clamped one-iteration multiplier pred / (2·max(1e-4, pred − actual)). */
    public double iterationMultiplier(Improvement improvement) {
        double raw = improvement.predicted()
                / (2 * Math.max(MIN_IMPROVEMENT_GAP, improvement.predicted() - improvement.actual()));
        return clamp(raw, minIterationMultiplier, maxIterationMultiplier);
    }

    /** stepMult for the next iteration. */
    public double nextStepMultiplier(double stepMultiplier, Improvement improvement) {
        if (!(stepMultiplier > 0) || !Double.isFinite(stepMultiplier)) {
            throw new IllegalArgumentException("stepMult must be positive and finite but is " + stepMultiplier);
        }
        return clamp(stepMultiplier * iterationMultiplier(improvement), minStepMultiplier, maxStepMultiplier);
    }

    /** ε = kl_step · stepMult · T, in nats: kl_step is a per-time-step budget (gps.md §5 item 6). */
    public static double klBudgetNats(double klStepPerTimeStep, double stepMultiplier, int horizon) {
        if (!(klStepPerTimeStep > 0) || !(stepMultiplier > 0) || horizon <= 0) {
            throw new IllegalArgumentException("need kl_step > 0, stepMult > 0 and T > 0 but got " + klStepPerTimeStep
                    + ", " + stepMultiplier + ", " + horizon);
        }
        return klStepPerTimeStep * stepMultiplier * horizon;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
