/**
 * The hand-designed optimizers, each an immutable {@link org.l2o4j.baselines.BaselineOptimizer} with a nested
 * hyperparameter record (defaults cited from their source) and a nested {@code Provider} registered in
 * {@code META-INF/services}.
 *
 * <p>First-order methods ({@link org.l2o4j.baselines.optimizers.GradientDescent},
 * {@link org.l2o4j.baselines.optimizers.Momentum}, {@link org.l2o4j.baselines.optimizers.Nesterov},
 * {@link org.l2o4j.baselines.optimizers.ConjugateGradient}, {@link org.l2o4j.baselines.optimizers.Adam},
 * {@link org.l2o4j.baselines.optimizers.RmsProp}, {@link org.l2o4j.baselines.optimizers.AdaGrad}) do the same
 * arithmetic for every problem, so their state is one pass over the batch's flat arrays followed by one batched
 * evaluation, on plain {@code double[]} with all buffers allocated in {@code start}: ND4J's per-call cost would
 * dominate arrays this small (shared/deps.md). Line-search methods
 * ({@link org.l2o4j.baselines.optimizers.NonlinearConjugateGradient}, {@link org.l2o4j.baselines.optimizers.Lbfgs},
 * {@link org.l2o4j.baselines.optimizers.Newton}) spend a different number of evaluations on each problem, so they
 * keep one state per problem ({@link org.l2o4j.core.optimizer.ProblemwiseOptimizerState}) and are charged for every
 * trial step. All three stop a problem by the same rule, {@link org.l2o4j.baselines.linesearch.Termination}; L-BFGS
 * and nonlinear conjugate gradient also share their iteration (direction, restart from −∇f, search, move) in the
 * package-private {@code LineSearchIteration}.
 */
package org.l2o4j.baselines.optimizers;
