/**
 * Line searches along a descent direction, shared by the line-search baselines: {@link
 * org.l2o4j.baselines.linesearch.StrongWolfe} (Nocedal &amp; Wright Alg. 3.5/3.6, for L-BFGS and nonlinear conjugate
 * gradient) and {@link org.l2o4j.baselines.linesearch.Backtracking} (Armijo backtracking, for Newton's method).
 *
 * <p>A search sees the objective only as the one-dimensional {@link org.l2o4j.baselines.linesearch.LineFunction}
 * φ(α) = f(x + αp), so it can be tested on any smooth scalar function; {@link org.l2o4j.baselines.linesearch.Ray}
 * is that function for one problem of a {@link org.l2o4j.core.rollout.ProblemBatch}, and evaluates through the
 * batch so that every trial step is charged to the problem (fair budgets).
 *
 * <p>{@link org.l2o4j.baselines.linesearch.Termination} is the stopping rule all three line-search methods share:
 * once a problem makes no measurable progress, its later iterations do nothing and cost nothing, so no method keeps
 * paying for searches at a point it cannot improve.
 */
package org.l2o4j.baselines.linesearch;
