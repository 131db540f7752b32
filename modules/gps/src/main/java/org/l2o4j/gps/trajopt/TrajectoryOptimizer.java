package org.l2o4j.gps.trajopt;

import org.l2o4j.gps.model.LinearGaussianDynamics;

/**
 * GPS's C-step (gps.md §3, §4.5–§4.8; Levine &amp; Abbeel 2014 §3.1): a new time-varying linear-Gaussian controller
 * that minimizes the expected augmented cost under fitted linear-Gaussian dynamics, subject to
 * KL(p ‖ anchor) ≤ ε. The coupling (local-only, MDGPS, BADMM) enters only through the {@link AugmentedCostBuilder}.
 *
 * <p>Lifecycle: an optimizer holds configuration only. The dual variable η is state that belongs to the caller's
 * condition: pass the previous result's {@link TrajectoryOptimizationResult#etaForWarmStart()} (1 initially) so
 * consecutive GPS iterations converge in a few backward passes. Implementations are safe to call from several
 * threads for different conditions.
 */
public interface TrajectoryOptimizer {

    /**
     * @param dynamics      the fitted dynamics of this condition
     * @param costs         the augmented cost as a function of η, carrying the anchor of the KL constraint
     * @param klBudgetNats  ε = kl_step · stepMult · T (gps.md §4.8), in nats summed over t
     * @param etaWarmStart  the first η to try
     */
    TrajectoryOptimizationResult optimize(LinearGaussianDynamics dynamics, AugmentedCostBuilder costs,
            double klBudgetNats, double etaWarmStart);
}
