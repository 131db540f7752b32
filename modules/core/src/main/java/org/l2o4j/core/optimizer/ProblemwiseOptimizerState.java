package org.l2o4j.core.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.l2o4j.core.rollout.ProblemBatch;

/**
 * An {@link OptimizerState} made of one independent state per problem, for methods whose work differs from problem to
 * problem within an iteration (line searches: L-BFGS, conjugate gradient, Newton). Methods whose step is the same
 * arithmetic for every problem should instead write one loop over the whole batch.
 */
public final class ProblemwiseOptimizerState implements OptimizerState {

    /** One problem's share of the state. */
    public interface PerProblem {
        /** One iteration for problem {@code index} of {@code batch}. */
        void step(ProblemBatch batch, int index);
    }

    private final ProblemBatch batch;
    private final List<PerProblem> states;

    /** Builds one state per problem with {@code factory.apply(index)}. */
    public ProblemwiseOptimizerState(ProblemBatch batch, IntFunction<PerProblem> factory) {
        this.batch = batch;
        this.states = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            states.add(factory.apply(i));
        }
    }

    @Override
    public void step() {
        for (int i = 0; i < states.size(); i++) {
            if (batch.isActive(i)) {
                states.get(i).step(batch, i);
            }
        }
    }
}
