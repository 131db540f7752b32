package org.l2o4j.core.optimizer;

import java.util.Map;

import org.l2o4j.core.rollout.ProblemBatch;

/**
 * An optimization algorithm, hand-designed or learned, seen as a policy that proposes the next iterate from what it
 * has observed (values and gradients along the way).
 *
 * <p><b>Configuration and state are kept apart.</b> An {@code Optimizer} is immutable configuration: its
 * hyperparameters (and, for a learned optimizer, its trained parameters). Everything that changes while optimizing
 * (momentum buffers, second-moment estimates, L-BFGS memory, a recurrent hidden state) lives in the
 * {@link OptimizerState} that {@link #start(ProblemBatch)} creates. One optimizer can therefore run on many batches,
 * concurrently, and two states never share anything.
 *
 * <p><b>Lifecycle.</b> The caller evaluates the batch at its initial points, calls {@code start} once, then calls
 * {@link OptimizerState#step()} once per iteration. A step must leave the batch's current point, value and gradient
 * consistent (the value and gradient are those at the new point), and must evaluate the problems only through the
 * batch, which charges every function and gradient evaluation to the problem that made it.
 */
public interface Optimizer {

    /** Registered name, e.g. {@code "adam"}. */
    String name();

    /** The hyperparameters with their values, in declaration order; written into provenance and results. */
    Map<String, Object> hyperparameters();

    /** Fresh state for the problems of {@code batch}, which has already been evaluated at its starting points. */
    OptimizerState start(ProblemBatch batch);
}
