package org.l2o4j.baselines.optimizers;

import org.l2o4j.baselines.linesearch.LineSearchResult;
import org.l2o4j.baselines.linesearch.Ray;
import org.l2o4j.baselines.linesearch.StrongWolfe;
import org.l2o4j.baselines.linesearch.Termination;
import org.l2o4j.core.optimizer.ProblemwiseOptimizerState;
import org.l2o4j.core.rollout.ProblemBatch;

/**
 * One problem's state of a line-search method that builds its own direction from past steps and falls back to steepest
 * descent ({@link Lbfgs}, {@link NonlinearConjugateGradient}): the iteration they share, so that both restart, fail
 * and stop in the same way. Per iteration:
 * <ol>
 *   <li>stop if {@link Termination} says so, before anything is evaluated;</li>
 *   <li>p = the method's {@link #direction}; if it has none, or p is not a descent direction, p = −∇f;</li>
 *   <li>a {@link StrongWolfe} search along p from the method's {@link #initialStep};</li>
 *   <li>if it succeeds, move to its step and tell the method ({@link #accepted});</li>
 *   <li>if the search failed, or {@link Termination#PATIENCE} iterations in a row brought no new lowest f or ‖∇f‖, the
 *       method {@link #forget}s its past steps and restarts from −∇f; when p already was −∇f, the problem stops for
 *       good instead ({@link Termination}).</li>
 * </ol>
 */
abstract class LineSearchIteration implements ProblemwiseOptimizerState.PerProblem {

    /** The ray of this problem; its direction is p, kept from one iteration to the next. */
    protected final Ray ray;
    /** The problem's dimension. */
    protected final int d;
    /** ∇f at the point the last accepted step started from. */
    protected final double[] previousGradient;
    private final StrongWolfe lineSearch;
    private final Termination termination;

    LineSearchIteration(ProblemBatch batch, int problem, StrongWolfe lineSearch) {
        this.ray = new Ray(batch, problem);
        this.d = batch.dimension();
        this.previousGradient = new double[d];
        this.lineSearch = lineSearch;
        this.termination = new Termination(batch, problem);
    }

    @Override
    public final void step(ProblemBatch batch, int i) {
        if (!termination.begin()) {
            return;
        }
        double[] g = batch.gradient();
        int off = i * d;
        double slope = direction(g, off, ray.direction());
        boolean steepest = !(slope < 0);
        if (steepest) {
            slope = ray.steepestDescent();
        }
        LineSearchResult result = lineSearch.search(ray, batch.values()[i], slope, initialStep(steepest, slope));
        if (result.accepted()) {
            System.arraycopy(g, off, previousGradient, 0, d);
            ray.moveToLastEvaluated();
            accepted(result.step(), slope, g, off);
        }
        if (termination.end(result.accepted(), steepest)) {
            forget();
        }
    }

    /**
     * Writes the method's direction into p.
     *
     * @param g   the batch's gradients; this problem's are {@code g[off .. off + d)}
     * @param off the offset of this problem's gradient in {@code g}
     * @param p   the direction to write, holding the previous direction on entry
     * @return ∇fᵀp; anything but a negative number (NaN when the method has no direction yet) restarts from −∇f
     */
    protected abstract double direction(double[] g, int off, double[] p);

    /**
     * The first trial step along the direction.
     *
     * @param steepest whether the direction is −∇f (a restart)
     * @param slope    ∇fᵀp, negative
     */
    protected abstract double initialStep(boolean steepest, double slope);

    /**
     * Called after the problem moved by {@code step}·p.
     *
     * @param step  the accepted step α
     * @param slope ∇fᵀp at the point the step started from
     * @param g     the batch's gradients, this problem's now at the new point
     * @param off   the offset of this problem's gradient in {@code g}
     */
    protected abstract void accepted(double step, double slope, double[] g, int off);

    /**
     * Drops what the method learned from past steps, when {@link Termination} asks for a restart; its next direction
     * is −∇f.
     */
    protected abstract void forget();

    /**
     * min(1, 1/‖∇f‖): a first trial step along −∇f that moves at most a unit distance, whatever the gradient's scale.
     */
    protected final double unitMoveStep() {
        return Math.min(1, 1 / termination.gradientNorm());
    }
}
