package org.l2o4j.core.problem;

import java.util.Map;

/**
 * One objective function f: R^d → R with an analytic gradient: one sampled member of a {@link ProblemFamily}
 * (one random data set, one regularization, one family of initial points).
 *
 * <p>Points are read from flat {@code double[]} arrays at an offset so that a batch of problems can keep all
 * its iterates in one array ({@code x[i*d .. i*d+d)}) and evaluate in place, without copies on the hot path.
 *
 * <p>Evaluation is pure: a problem holds its data and nothing that changes, so it may be shared between
 * threads. Counting evaluations is the caller's job ({@link org.l2o4j.core.rollout.ProblemBatch}), so that
 * every optimizer is charged the same way.
 */
public interface Problem {

    /** Name of the formula, e.g. {@code "logistic-regression"}; the key another tool uses to re-implement f. */
    String formula();

    /** Number of parameters d. */
    int dimension();

    /** f(x) for the d values of {@code x} starting at {@code offset}. */
    double value(double[] x, int offset);

    /**
     * f(x), writing ∇f(x) into {@code gradient[gradientOffset .. gradientOffset+d)}.
     *
     * @return f(x)
     */
    double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset);

    /**
     * A starting point. Restart 0 is the problem's own initial point (the one the papers use); restart k &gt; 0
     * is another draw from the same distribution, from a seed derived from the problem's seed and k, so any
     * (problem, restart) pair is reproducible on its own.
     */
    double[] initialPoint(int restart);

    /**
     * Everything another tool needs to rebuild f: formula, data, labels, regularization, the initial point.
     * Values are numbers, strings, arrays or nested maps, so the result serializes to JSON as it is.
     */
    Map<String, Object> export();

    /**
     * min f where it is known in closed form (a quadratic's 0 at its centre, Rosenbrock's 0), NaN otherwise. Results
     * measure suboptimality f − f* against it; where it is NaN they run a solver to convergence ({@link #convex()})
     * or take the best value any method reached.
     */
    default double knownMinimum() {
        return Double.NaN;
    }

    /**
     * Whether f is convex, so that a local method run to a stationary point has found min f (up to its tolerance).
     * False unless the family proves it: a wrong true would make a local minimum look global.
     */
    default boolean convex() {
        return false;
    }

    /** Convenience form of {@link #value(double[], int)} at offset 0. */
    default double value(double[] x) {
        return value(x, 0);
    }

    /** Convenience form of {@link #valueAndGradient(double[], int, double[], int)} at offsets 0. */
    default double valueAndGradient(double[] x, double[] gradient) {
        return valueAndGradient(x, 0, gradient, 0);
    }

    /**
     * Values and gradients at {@code count} points stored row after row in {@code points} (count × d).
     * Families override this where a batched formula is cheaper than one call per point.
     */
    default void valueAndGradientBatch(int count, double[] points, double[] values, double[] gradients) {
        int d = dimension();
        for (int i = 0; i < count; i++) {
            values[i] = valueAndGradient(points, i * d, gradients, i * d);
        }
    }
}
