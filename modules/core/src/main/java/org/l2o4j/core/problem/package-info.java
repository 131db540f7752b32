/**
 * The objects being optimized: {@link org.l2o4j.core.problem.Problem} (one function with its gradient),
 * {@link org.l2o4j.core.problem.TwiceDifferentiable} (with its Hessian),
 * {@link org.l2o4j.core.problem.StochasticProblem} (minibatch losses f_k, k chosen by the rollout's batch) and
 * {@link org.l2o4j.core.problem.ProblemFamily} (a seeded distribution over functions with train/test splits).
 * Concrete families live in the {@code problems} module.
 */
package org.l2o4j.core.problem;
