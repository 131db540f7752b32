package org.l2o4j.baselines.linesearch;

import org.l2o4j.core.rollout.ProblemBatch;

/**
 * The stopping rule of the line-search methods ({@code lbfgs}, {@code conjugate-gradient-ls}, {@code newton}), one
 * instance per problem: once a problem has stopped making measurable progress, every later iteration does nothing and
 * charges nothing. Without it a converged problem keeps paying up to a full line-search budget per iteration for steps
 * that move f by rounding noise, which inflates the method's evaluation counts in every comparison.
 *
 * <p><b>Progress.</b> An iteration makes progress when it moves the problem to a point whose f or ‖∇f‖ is lower than at
 * every earlier iterate (a new record). Far from a minimizer every accepted step lowers f (sufficient decrease). Closer
 * in, where changes in f are below its rounding error, {@link StrongWolfe} accepts steps on the derivative, and they
 * keep lowering ‖∇f‖ although not at every step (neither L-BFGS nor conjugate gradient decreases ‖∇f‖ monotonically).
 * At the noise floor of both, f and ‖∇f‖ only fluctuate, and new records stop coming. Records, not step-to-step
 * comparisons, because a fluctuation that goes up and comes back down is no progress. The rule compares f and ‖∇f‖ with
 * their own history, never with a tolerance, so it is scale-free.
 *
 * <p><b>Rule.</b> A problem stops for good when
 * <ol>
 *   <li>its gradient is zero (or NaN) at the start of an iteration: there is nothing to search along;</li>
 *   <li>a search along the method's last-resort direction fails: −∇f for L-BFGS and nonlinear CG, every direction for
 *       Newton's method (its direction depends on the point alone). The next iteration would repeat it from the same
 *       point; or</li>
 *   <li>{@value #PATIENCE} iterations in a row made no progress, the latest along the last-resort direction. A method
 *       with a direction of its own is first sent back to −∇f ({@link #end} returns true: restart), so one bad
 *       quasi-Newton or conjugate direction never stops a problem.</li>
 * </ol>
 * Two, not one: a single iteration without a record happens before the noise floor. On one of the 100
 * logistic-regression test problems (seed 0) an L-BFGS step raises ‖∇f‖ from 7e-9 to 1e-8 while f no longer resolves
 * any change, and the steepest-descent restart does not beat the record; with a patience of one L-BFGS stops there,
 * with two it goes on to ‖∇f‖ &lt; 1e-14. More patience buys little beyond that and spends evaluations at the floor.
 * On nonsmooth objectives (ReLU networks) the rule also stops a method stuck at a kink, where its line search can only
 * shrink the step to ~1e-13 and f changes in its last digit; a later escape is left to chance there, at a full search
 * budget per iteration.
 *
 * <p><b>Call order</b> per iteration: {@link #begin} first, skipping the iteration if it returns false; then either
 * {@link #stop()} if no search could be made, or {@link #end} once the search is over (and the problem moved if it
 * succeeded).
 */
public final class Termination {

    /** Iterations in a row without a new record of f or ‖∇f‖ after which the method restarts or stops. */
    public static final int PATIENCE = 2;

    private final ProblemBatch batch;
    private final int problem;
    private final int offset;
    private final int dimension;
    private boolean stopped;
    private double gradientNorm;
    private double lowestValue = Double.POSITIVE_INFINITY;
    private double lowestGradientNorm = Double.POSITIVE_INFINITY;
    private int iterationsWithoutRecord;

    /** The rule for problem {@code problem} of {@code batch}, which has not stopped yet. */
    public Termination(ProblemBatch batch, int problem) {
        this.batch = batch;
        this.problem = problem;
        this.dimension = batch.dimension();
        this.offset = problem * dimension;
    }

    /**
     * Starts an iteration at the problem's current point, stopping for good if its gradient is zero or NaN.
     *
     * @return whether the iteration should run; false once stopped, before anything is evaluated
     */
    public boolean begin() {
        if (stopped) {
            return false;
        }
        gradientNorm = currentGradientNorm();
        lowestValue = Math.min(lowestValue, batch.values()[problem]);
        lowestGradientNorm = Math.min(lowestGradientNorm, gradientNorm);
        stopped = !(gradientNorm > 0);
        return !stopped;
    }

    /** ‖∇f‖ at the point the current iteration began from. */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** Stops for good: the iteration found nothing to search along, and the next one would be in the same place. */
    public void stop() {
        stopped = true;
    }

    /**
     * Ends the iteration that {@link #begin} started, after its search.
     *
     * @param moved      whether the search succeeded and the problem moved to its step
     * @param lastResort whether the search was along a direction the method cannot fall back from: −∇f for a method
     *                   that restarts from steepest descent, every direction for Newton's method
     * @return whether the method should restart (forget its past steps and search along −∇f next): after a failed
     *         search, or {@value #PATIENCE} iterations in a row without progress. Along the last resort the same
     *         condition stops the problem for good instead.
     */
    public boolean end(boolean moved, boolean lastResort) {
        boolean record = moved
                && (batch.values()[problem] < lowestValue || currentGradientNorm() < lowestGradientNorm);
        iterationsWithoutRecord = record ? 0 : iterationsWithoutRecord + 1;
        boolean restart = !moved || iterationsWithoutRecord >= PATIENCE;
        stopped = restart && lastResort;
        return restart;
    }

    private double currentGradientNorm() {
        double[] g = batch.gradient();
        double sum = 0;
        for (int j = offset; j < offset + dimension; j++) {
            sum += g[j] * g[j];
        }
        return Math.sqrt(sum);
    }
}
