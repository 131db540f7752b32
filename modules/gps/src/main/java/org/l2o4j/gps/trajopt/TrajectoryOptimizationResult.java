package org.l2o4j.gps.trajopt;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.Marginals;

/**
 * The outcome of one KL-constrained trajectory optimization (GPS's C-step, gps.md §4.8).
 *
 * @param controller      the new local controller
 * @param marginals       its state–action marginals under the dynamics it was optimized for; null after
 *                        {@link #withoutMarginals()}
 * @param klNats          KL(controller ‖ anchor), in nats, summed over t
 * @param klBudgetNats    ε, the budget it was held to
 * @param eta             the η the controller was computed at
 * @param etaForWarmStart the η to start the next search from (equal to {@code eta} unless the reference-compatible
 *                        mode is on and the search did not converge)
 * @param backwardCalls   backward passes that succeeded, one per search iteration
 * @param etaBumps        failed backward passes (non-PD Q_uu) summed over the search
 * @param converged       whether |KL − ε| &lt; tolerance · ε was reached
 * @param trace           one entry per search iteration
 */
public record TrajectoryOptimizationResult(LinearGaussianController controller, Marginals marginals, double klNats,
        double klBudgetNats, double eta, double etaForWarmStart, int backwardCalls, int etaBumps, boolean converged,
        List<EtaSearchStep> trace) implements Serializable {

    /** Copies the trace so the record stays immutable. */
    public TrajectoryOptimizationResult {
        trace = List.copyOf(trace);
    }

    /**
     * This result without its marginals: T joint covariances of (dX+dU)² numbers (18 MB at Li &amp; Malik's logistic
     * sizes, 39 MB for the two-layer net), which a GPS iteration holding the results of every condition cannot
     * afford and does not read.
     */
    public TrajectoryOptimizationResult withoutMarginals() {
        return new TrajectoryOptimizationResult(controller, null, klNats, klBudgetNats, eta, etaForWarmStart,
                backwardCalls, etaBumps, converged, trace);
    }

    /**
     * Whether the KL exceeds the budget by more than 10 %: the constraint is violated, which the reference only
     * warns about. Callers decide whether to log or to stop.
     */
    public boolean constraintViolated() {
        return klNats > 1.1 * klBudgetNats;
    }
}
