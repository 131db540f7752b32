package org.l2o4j.core.optimizer;

/**
 * The mutable half of an {@link Optimizer}: whatever the algorithm carries from one iteration to the next for every
 * problem of one batch. Not thread-safe; one state belongs to one rollout.
 */
public interface OptimizerState {

    /**
     * Advances every active problem of the batch by one iteration. Problems the batch has marked inactive (diverged)
     * must be left untouched.
     */
    void step();
}
