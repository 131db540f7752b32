package org.l2o4j.baselines.optimizers;

import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * The iteration shared by the first-order baselines: update the iterate of every active problem in place from its
 * gradient, in one pass over the batch's flat arrays, then evaluate the whole batch once. Subclasses write the update
 * of one problem's slice and allocate their buffers (momentum, moment estimates) in their constructor, so a step
 * allocates nothing.
 */
abstract class ElementwiseState implements OptimizerState {

    /** The batch being optimized. */
    final ProblemBatch batch;
    /** The batch's iterates, n × d, updated in place. */
    final double[] x;
    /** The batch's gradients at {@link #x}, n × d. */
    final double[] gradient;

    private final int dimension;
    private int iteration;

    ElementwiseState(ProblemBatch batch) {
        this.batch = batch;
        this.x = batch.x();
        this.gradient = batch.gradient();
        this.dimension = batch.dimension();
    }

    @Override
    public final void step() {
        iteration++;
        beginIteration(iteration);
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isActive(i)) {
                update(i, i * dimension, i * dimension + dimension);
            }
        }
        batch.evaluateActive();
    }

    /** Called once per iteration before any update; {@code iteration} counts from 1 (Adam's bias correction). */
    void beginIteration(int iteration) {
    }

    /** Updates {@code x[from..to)} of problem {@code problem} from {@code gradient[from..to)}. */
    abstract void update(int problem, int from, int to);
}
