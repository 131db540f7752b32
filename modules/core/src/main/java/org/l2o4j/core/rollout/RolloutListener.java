package org.l2o4j.core.rollout;

/** Told after every iteration of a rollout; progress bars hang here. */
@FunctionalInterface
public interface RolloutListener {

    /** No-op listener. */
    RolloutListener NONE = (step, steps) -> { };

    /** Iteration {@code step} (1-based) of {@code steps} is done. */
    void afterStep(int step, int steps);
}
