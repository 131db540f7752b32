package org.l2o4j.gps.algorithm;

import java.util.Objects;

import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * What a coupling keeps for one condition m between iterations (gps.md §3, §7 {@code ConditionState}): the local
 * controller p_m that samples the next batch, the η to warm-start its next η search, the step multiplier of ε, the two
 * Laplace costs the step-size rule compares next iteration (gps.md §4.8), and with BADMM the duals ν_t, λK_t, λk_t
 * (gps.md §4.11). The fitted
 * dynamics, the cost model and π̄ of the last iteration are kept for inspection; the next iteration refits all three,
 * so a checkpoint need not hold them (the step record already carries what the rule needs from them).
 *
 * <p>Immutable; an iteration returns new states.
 *
 * @param controller       p_m, the behaviour policy of the next sampling round
 * @param eta              η for the next η search's warm start (gps.md §4.8)
 * @param stepMultiplier   stepMult; MDGPS shares one value across conditions, stored with each for the checkpoint;
 *                         BADMM adapts it per condition
 * @param previous         what the step-size rule needs from the last iteration; null before the first C-step
 * @param dynamics         the last fitted dynamics; null before the first iteration
 * @param cost             the last quadratic cost model; null before the first iteration
 * @param linearizedPolicy the last π̄_m; null before the first iteration
 * @param duals            BADMM's ν_t, λK_t and λk_t; null with MDGPS, and before BADMM's first iteration
 */
public record ConditionState(LinearGaussianController controller, double eta, double stepMultiplier,
        StepRecord previous, LinearGaussianDynamics dynamics, QuadraticCost cost,
        LinearGaussianController linearizedPolicy, BadmmDuals duals) {

    /**
     * The two Laplace estimates (gps.md §4.5) that iteration i leaves for the step-size rule of iteration i + 1,
     * both under iteration i's dynamics and cost model. MDGPS: the baseline cost(π̄_i; dyn_i) and the predicted cost
     * of the new controller, cost(p_{i+1}; dyn_i); the actual improvement then needs only cost(π̄_{i+1}; dyn_{i+1}).
     * BADMM: the same with p_i for π̄_i as the baseline, each cost augmented by Σ_t ν_t·KL_t(· ‖ π̄_i) (gps.md §4.8).
     *
     * @param baselineCost  cost(π̄_prev; dyn_prev) (MDGPS) or the augmented cost(p_prev; dyn_prev) (BADMM)
     * @param predictedCost cost(p_new; dyn_prev), augmented with BADMM
     */
    public record StepRecord(double baselineCost, double predictedCost) {

        public StepRecord {
            if (!Double.isFinite(baselineCost) || !Double.isFinite(predictedCost)) {
                throw new IllegalArgumentException("step record costs must be finite, got baseline " + baselineCost
                        + " and predicted " + predictedCost);
            }
        }
    }

    public ConditionState {
        Objects.requireNonNull(controller, "controller");
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("η must be positive and finite, got " + eta);
        }
        if (!(stepMultiplier > 0) || !Double.isFinite(stepMultiplier)) {
            throw new IllegalArgumentException("stepMult must be positive and finite, got " + stepMultiplier);
        }
        if (duals != null && (duals.horizon() != controller.horizon()
                || duals.stateDimension() != controller.stateDimension()
                || duals.actionDimension() != controller.actionDimension())) {
            throw new IllegalArgumentException("dimension mismatch: the BADMM duals have T = " + duals.horizon()
                    + ", dX = " + duals.stateDimension() + ", dU = " + duals.actionDimension()
                    + " but the controller has T = " + controller.horizon() + ", dX = " + controller.stateDimension()
                    + ", dU = " + controller.actionDimension());
        }
    }

    /** A state without BADMM duals (MDGPS); kept so that code written before BADMM still compiles. */
    public ConditionState(LinearGaussianController controller, double eta, double stepMultiplier,
            StepRecord previous, LinearGaussianDynamics dynamics, QuadraticCost cost,
            LinearGaussianController linearizedPolicy) {
        this(controller, eta, stepMultiplier, previous, dynamics, cost, linearizedPolicy, null);
    }

    /**
     * The state before iteration 0 (gps.md §3 "init"): p_m, η, stepMult = 1, nothing fitted yet and no duals (BADMM
     * starts them at its first iteration, {@link BadmmDuals#initial}).
     */
    public static ConditionState initial(LinearGaussianController controller, double eta) {
        return new ConditionState(controller, eta, 1.0, null, null, null, null, null);
    }
}
