package org.l2o4j.gps.algorithm;

import java.util.List;

import org.l2o4j.policy.GaussianMlpPolicy;

/**
 * How one GPS iteration ties the per-condition local controllers p_m to the global policy π_θ (gps.md §1, §3, §7
 * {@code CouplingStrategy}): {@link Mdgps} (mirror descent; L2O4J's default) or {@link Badmm} (Bregman ADMM; what
 * Li &amp; Malik ran), chosen by {@link GpsConfig#coupling()}. Both share sampling, fits, linearization, the C-step
 * and the S-step; they differ in the C-step's anchor and augmented cost, the S-step's targets and weights, the
 * step-size rule and the extra state they carry in {@link ConditionState}.
 *
 * <p><b>Lifecycle.</b> Construct once per run with the configuration, the conditions, π_θ and its S-step regression
 * (nothing runs); then call {@link #iterate} with i = 0, 1, … , each time passing the states the previous call
 * returned (at i = 0, or on resume, the initial or checkpointed states). An instance keeps state between calls that
 * the {@link ConditionState}s do not hold: the GMM priors, which {@link #priorCheckpoint} captures and
 * {@link #restorePriors} restores, and the S-step's Adam moments, which live in the regression
 * ({@code WeightedPolicyRegression.state()} / {@code restore}). It trains π_θ in place and is not thread-safe.
 *
 * <p><b>Resume.</b> After iteration k − 1 returned, save its states ({@link TrainerCheckpoint}), the policy, the
 * regression's state and {@link #priorCheckpoint()} ({@link PriorCheckpoint#save}). To continue, build the policy
 * from its checkpoint, a regression over it with its state restored, and a new coupling with the same configuration
 * (threads may differ) and conditions; call {@link #restorePriors} once, before its first {@link #iterate}; then
 * iterate from k with the saved states. Iterations k, k + 1, … then equal the uninterrupted run's bit for bit.
 */
public interface CouplingStrategy {

    /** What one iteration returns: the new per-condition states and the record for the listener. */
    record Outcome(List<ConditionState> states, IterationRecord record) {

        public Outcome {
            states = List.copyOf(states);
        }
    }

    /** The global policy π_θ (trained in place by the S-steps). */
    GaussianMlpPolicy policy();

    /**
     * One GPS iteration from the given per-condition states.
     *
     * @param iteration the iteration index i, from 0
     * @param states    one per condition: the initial states at i = 0, afterwards those the previous call returned
     *                  (or a checkpoint restored)
     * @throws IllegalArgumentException for a wrong number of states or a negative i
     * @throws IllegalStateException    when an iteration i &gt; 0 gets states without what the coupling carries
     *                                  between iterations (the step record; BADMM's duals)
     */
    Outcome iterate(int iteration, List<ConditionState> states);

    /**
     * Every condition's dynamics-prior and policy-prior GMM state, in condition order, for a checkpoint: call between
     * iterations (after {@link #iterate} returned). A condition's entry is null where that prior is off or not yet
     * fitted. The result shares no mutable state with the coupling.
     */
    PriorCheckpoint priorCheckpoint();

    /**
     * Restores the GMM priors from {@link #priorCheckpoint()} of a coupling with the same configuration and
     * conditions, so that the next {@link #iterate} continues that run exactly. Call once, on a new coupling, before
     * its first {@link #iterate}; a failed restore leaves the coupling unusable (build a new one).
     *
     * @throws IllegalArgumentException if the checkpoint does not fit this coupling (condition count, priors on or
     *                                  off, buffer size or cluster count of another configuration)
     * @throws IllegalStateException    if the priors were already fitted or restored
     */
    void restorePriors(PriorCheckpoint priors);
}
