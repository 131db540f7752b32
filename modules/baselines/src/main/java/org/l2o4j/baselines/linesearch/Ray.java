package org.l2o4j.baselines.linesearch;

import org.l2o4j.core.rollout.ProblemBatch;

/**
 * φ(α) = f(x_i + αp) for problem i of a batch, from its current iterate x_i along a direction p the caller writes into
 * {@link #direction()}. Every evaluation goes through {@link ProblemBatch#evaluateAt}, so each trial step is charged
 * one function and one gradient evaluation: the gradient is needed for the slope (strong Wolfe) or at the accepted
 * point anyway (backtracking), and computing it with the value costs less than a second call.
 *
 * <p>The last evaluated point and its gradient are kept, so that {@link #moveToLastEvaluated()} moves the problem there
 * without another evaluation (a {@link LineSearch} always evaluates last at the step it returns). One ray per problem,
 * allocated once: no allocation per evaluation.
 */
public final class Ray implements LineFunction {

    private final ProblemBatch batch;
    private final int problem;
    private final int offset;
    private final double[] direction;
    private final double[] point;
    private final double[] gradient;
    private double value = Double.NaN;

    /** A ray for problem {@code problem} of {@code batch}; its direction starts at zero. */
    public Ray(ProblemBatch batch, int problem) {
        int d = batch.dimension();
        this.batch = batch;
        this.problem = problem;
        this.offset = problem * d;
        this.direction = new double[d];
        this.point = new double[d];
        this.gradient = new double[d];
    }

    /** The direction p, d values, written by the caller before a search; it survives between searches. */
    public double[] direction() {
        return direction;
    }

    /**
     * Sets the direction to −∇f at the problem's current iterate, the restart of every line-search method.
     *
     * @return the slope φ'(0) = −‖∇f‖² along it
     */
    public double steepestDescent() {
        double[] g = batch.gradient();
        double slope = 0;
        for (int j = 0; j < direction.length; j++) {
            direction[j] = -g[offset + j];
            slope -= g[offset + j] * g[offset + j];
        }
        return slope;
    }

    @Override
    public void evaluate(double step, double[] out) {
        double[] x = batch.x();
        for (int j = 0; j < direction.length; j++) {
            point[j] = x[offset + j] + step * direction[j];
        }
        value = batch.evaluateAt(problem, point, 0, gradient, 0);
        double slope = 0;
        for (int j = 0; j < direction.length; j++) {
            slope += gradient[j] * direction[j];
        }
        out[0] = value;
        out[1] = slope;
    }

    /** Moves the problem to the point evaluated last, with its value and gradient; costs nothing more. */
    public void moveToLastEvaluated() {
        if (Double.isNaN(value)) {
            throw new IllegalStateException("problem " + problem + ": the ray has no evaluated point to move to");
        }
        batch.accept(problem, point, 0, value, gradient, 0);
    }
}
