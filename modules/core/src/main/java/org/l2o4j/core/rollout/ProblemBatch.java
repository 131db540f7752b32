package org.l2o4j.core.rollout;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.StochasticProblem;
import org.l2o4j.core.problem.TwiceDifferentiable;

/**
 * The working set of a rollout: n problems of one dimension d advanced together, with their current iterates,
 * values and gradients in flat arrays ({@code x[i*d .. i*d+d)} belongs to problem i), so an optimizer step over the
 * whole batch is one loop, and an evaluation writes in place.
 *
 * <p>This is also the one place where evaluations are charged: every call that evaluates f adds one function
 * evaluation, every call that evaluates ∇f one gradient evaluation, and every Hessian one Hessian evaluation, to the
 * problem that made it. An optimizer
 * that reads the arrays directly may read and write {@link #x()} but must bring {@link #values()} and
 * {@link #gradient()} up to date through {@link #evaluate(int)}, {@link #evaluateActive()} or {@link #accept}.
 *
 * <p><b>Minibatches.</b> For a {@link StochasticProblem} the batch also picks the minibatch, so that every optimizer
 * sees the same stream: an evaluation with a gradient ({@link #evaluate}, {@link #evaluateActive}, {@link #evaluateAt})
 * uses draw k = the number of gradient evaluations already charged to that problem (the start is draw 0, a
 * first-order method's step t is draw t, each trial point of a line search takes the next draw), and a value-only
 * evaluation ({@link #valueAt}) reuses the draw of the latest gradient, so a backtracking search compares values on the
 * minibatch its gradient came from. {@link #values()} therefore holds minibatch losses f_k(x), which is what the papers
 * plot; the full-data objective is the problem's own {@link Problem#value(double[], int)}, evaluated outside the batch
 * and not charged. Deterministic problems ignore all this and cost what they cost without it.
 *
 * <p>A problem that diverged is deactivated by the {@link Rollout}; optimizers skip it and its arrays stay frozen.
 */
public final class ProblemBatch {

    private final List<Problem> problems;
    /**
     * Problem i as a {@link StochasticProblem}, or null when it is deterministic; the array itself is null when no
     * problem is stochastic, so a deterministic batch pays one null test per evaluation.
     */
    private final StochasticProblem[] stochastic;
    private final int n;
    private final int d;
    private final double[] x;
    private final double[] gradient;
    private final double[] values;
    private final long[] valueEvaluations;
    private final long[] gradientEvaluations;
    private final long[] hessianEvaluations;
    private final boolean[] active;

    private ProblemBatch(List<Problem> problems, int d) {
        this.problems = List.copyOf(problems);
        this.n = problems.size();
        StochasticProblem[] drawn = new StochasticProblem[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (problems.get(i) instanceof StochasticProblem s) {
                drawn[i] = s;
                any = true;
            }
        }
        this.stochastic = any ? drawn : null;
        this.d = d;
        this.x = new double[n * d];
        this.gradient = new double[n * d];
        this.values = new double[n];
        this.valueEvaluations = new long[n];
        this.gradientEvaluations = new long[n];
        this.hessianEvaluations = new long[n];
        this.active = new boolean[n];
    }

    /**
     * A batch positioned at the given starting points and evaluated there (which is charged: one function and one
     * gradient evaluation per problem).
     *
     * @throws IllegalArgumentException if the problems differ in dimension, a start has the wrong length, or the
     *                                  lists differ in size
     */
    public static ProblemBatch startingAt(List<? extends Problem> problems, List<double[]> starts) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one problem");
        }
        if (problems.size() != starts.size()) {
            throw new IllegalArgumentException(
                    "got " + problems.size() + " problems but " + starts.size() + " starting points");
        }
        int d = problems.get(0).dimension();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p.dimension() != d) {
                throw new IllegalArgumentException("dimension mismatch in batch: problem 0 (" + problems.get(0).formula()
                        + ") has d=" + d + " but problem " + i + " (" + p.formula() + ") has d=" + p.dimension());
            }
            if (starts.get(i).length != d) {
                throw new IllegalArgumentException("dimension mismatch: starting point " + i + " has length "
                        + starts.get(i).length + " but the problems have d=" + d);
            }
        }
        ProblemBatch batch = new ProblemBatch(List.copyOf(problems), d);
        for (int i = 0; i < batch.n; i++) {
            System.arraycopy(starts.get(i), 0, batch.x, i * d, d);
            batch.active[i] = true;
        }
        batch.evaluateActive();
        return batch;
    }

    /**
     * A batch's numbers without its problems, as plain data: what a batch in mid-run carries to another machine (a
     * persistent particle of evolution strategies advanced truncation by truncation wherever an engine runs it), which
     * {@link #restore} puts back on the same problems.
     *
     * @param x                   the iterates, n × d row-major
     * @param gradient            the gradients at the iterates
     * @param values              the values at the iterates
     * @param valueEvaluations    function evaluations charged to each problem
     * @param gradientEvaluations gradient evaluations charged to each problem (a stochastic problem's next draw)
     * @param hessianEvaluations  Hessian evaluations charged to each problem
     * @param active              which problems have not diverged
     */
    public record Snapshot(double[] x, double[] gradient, double[] values, long[] valueEvaluations,
            long[] gradientEvaluations, long[] hessianEvaluations, boolean[] active) implements Serializable {
    }

    /** The batch's numbers now (copies). */
    public Snapshot snapshot() {
        return new Snapshot(x.clone(), gradient.clone(), values.clone(), valueEvaluations.clone(),
                gradientEvaluations.clone(), hessianEvaluations.clone(), active.clone());
    }

    /**
     * A batch of {@code problems} with the numbers of a {@link #snapshot} taken of a batch of the same problems:
     * nothing is evaluated or charged, so the batch goes on exactly where the other one was.
     *
     * @throws IllegalArgumentException if the snapshot's arrays do not fit n problems of the problems' dimension
     */
    public static ProblemBatch restore(List<? extends Problem> problems, Snapshot snapshot) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one problem");
        }
        int n = problems.size();
        int d = problems.get(0).dimension();
        if (snapshot.x().length != n * d || snapshot.gradient().length != n * d || snapshot.values().length != n
                || snapshot.valueEvaluations().length != n || snapshot.gradientEvaluations().length != n
                || snapshot.hessianEvaluations().length != n || snapshot.active().length != n) {
            throw new IllegalArgumentException("the snapshot is not one of a batch of " + n + " problems of dimension "
                    + d);
        }
        ProblemBatch batch = new ProblemBatch(List.copyOf(problems), d);
        System.arraycopy(snapshot.x(), 0, batch.x, 0, n * d);
        System.arraycopy(snapshot.gradient(), 0, batch.gradient, 0, n * d);
        System.arraycopy(snapshot.values(), 0, batch.values, 0, n);
        System.arraycopy(snapshot.valueEvaluations(), 0, batch.valueEvaluations, 0, n);
        System.arraycopy(snapshot.gradientEvaluations(), 0, batch.gradientEvaluations, 0, n);
        System.arraycopy(snapshot.hessianEvaluations(), 0, batch.hessianEvaluations, 0, n);
        System.arraycopy(snapshot.active(), 0, batch.active, 0, n);
        return batch;
    }

    /** Number of problems n. */
    public int size() {
        return n;
    }

    /** Dimension d shared by all problems. */
    public int dimension() {
        return d;
    }

    /** Problem i. */
    public Problem problem(int i) {
        return problems.get(i);
    }

    /** The current iterates, n × d row-major; optimizers update them in place. */
    public double[] x() {
        return x;
    }

    /** The gradients at the current iterates, n × d row-major. */
    public double[] gradient() {
        return gradient;
    }

    /** The values at the current iterates. */
    public double[] values() {
        return values;
    }

    /** Whether problem i is still being optimized (it has not diverged). */
    public boolean isActive(int i) {
        return active[i];
    }

    /**
     * Freezes problem i after it diverged. Only drivers of a batch call this (the {@link Rollout}, and the
     * optimization MDP of {@code org.l2o4j.core.mdp}, both with a {@link DivergenceRule}); an optimizer never does.
     */
    public void deactivate(int i) {
        active[i] = false;
    }

    /** Function evaluations charged to problem i so far. */
    public long valueEvaluations(int i) {
        return valueEvaluations[i];
    }

    /** Gradient evaluations charged to problem i so far. */
    public long gradientEvaluations(int i) {
        return gradientEvaluations[i];
    }

    /**
     * Gradient evaluations charged to every problem so far: with one f and ∇f per step, the problem-steps a trainer
     * spends (the currency of policy-search.md's equal-budget comparisons).
     */
    public long totalGradientEvaluations() {
        long sum = 0;
        for (long e : gradientEvaluations) {
            sum += e;
        }
        return sum;
    }

    /** Hessian evaluations charged to problem i so far. */
    public long hessianEvaluations(int i) {
        return hessianEvaluations[i];
    }

    /**
     * The minibatch the next evaluation of problem i with a gradient uses: the gradient evaluations charged to it so
     * far. Meaningful for a {@link StochasticProblem}; deterministic problems have no draws.
     */
    public long nextDraw(int i) {
        return gradientEvaluations[i];
    }

    /** Re-evaluates f and ∇f of problem i at its current iterate. */
    public void evaluate(int i) {
        values[i] = stochastic == null ? problems.get(i).valueAndGradient(x, i * d, gradient, i * d)
                : drawnValueAndGradient(i, x, i * d, gradient, i * d);
        valueEvaluations[i]++;
        gradientEvaluations[i]++;
    }

    /** Re-evaluates every active problem at its current iterate. */
    public void evaluateActive() {
        for (int i = 0; i < n; i++) {
            if (active[i]) {
                evaluate(i);
            }
        }
    }

    /** f and ∇f of problem i at a trial point (a line search's), without moving the iterate. */
    public double evaluateAt(int i, double[] point, int pointOffset, double[] gradientOut, int gradientOffset) {
        double f = stochastic == null
                ? problems.get(i).valueAndGradient(point, pointOffset, gradientOut, gradientOffset)
                : drawnValueAndGradient(i, point, pointOffset, gradientOut, gradientOffset);
        valueEvaluations[i]++;
        gradientEvaluations[i]++;
        return f;
    }

    /**
     * f alone of problem i at a trial point; charged as one function evaluation. A stochastic problem is evaluated on
     * the minibatch of its latest gradient evaluation.
     */
    public double valueAt(int i, double[] point, int pointOffset) {
        valueEvaluations[i]++;
        StochasticProblem s = stochastic == null ? null : stochastic[i];
        return s == null ? problems.get(i).value(point, pointOffset)
                : s.value(Math.max(gradientEvaluations[i] - 1, 0), point, pointOffset);
    }

    /**
     * f and ∇f of problem i in a batch holding stochastic problems: on draw k = its gradient evaluations so far if it
     * is one, plainly otherwise. Kept apart so that the deterministic path stays small enough to inline.
     */
    private double drawnValueAndGradient(int i, double[] point, int pointOffset, double[] gradientOut,
            int gradientOffset) {
        StochasticProblem s = stochastic[i];
        return s == null ? problems.get(i).valueAndGradient(point, pointOffset, gradientOut, gradientOffset)
                : s.valueAndGradient(gradientEvaluations[i], point, pointOffset, gradientOut, gradientOffset);
    }

    /**
     * ∇²f of problem i at a point, row-major into {@code hessian[0 .. d*d)}; charged as one Hessian evaluation.
     *
     * @throws IllegalArgumentException if problem i gives no Hessian
     */
    public void hessianAt(int i, double[] point, int pointOffset, double[] hessian) {
        if (!(problems.get(i) instanceof TwiceDifferentiable p)) {
            throw new IllegalArgumentException("problem " + i + " (" + problems.get(i).formula()
                    + ") has no analytic Hessian");
        }
        hessianEvaluations[i]++;
        p.hessian(point, pointOffset, hessian);
    }

    /** Moves problem i to a point already evaluated (by {@link #evaluateAt}); costs nothing more. */
    public void accept(int i, double[] point, int pointOffset, double value, double[] pointGradient,
            int gradientOffset) {
        System.arraycopy(point, pointOffset, x, i * d, d);
        System.arraycopy(pointGradient, gradientOffset, gradient, i * d, d);
        values[i] = value;
    }
}
