package org.l2o4j.gps.env;

import java.util.Objects;

import org.l2o4j.core.problem.Problem;

/**
 * One GPS condition m (gps.md §2): a training objective f_m together with its initial point x_0. Li &amp; Malik's
 * released configuration has 90 of them, one initial point per function. Each condition gets its own local
 * controller, dynamics fit and policy linearization.
 *
 * <p>The initial point is copied in and out, so the record is immutable; the problem is pure by its own contract.
 *
 * @param problem      f_m
 * @param initialPoint x_0, {@code problem.dimension()} entries
 */
public record Condition(Problem problem, double[] initialPoint) {

    public Condition {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(initialPoint, "initialPoint");
        if (initialPoint.length != problem.dimension()) {
            throw new IllegalArgumentException("dimension mismatch: initial point has " + initialPoint.length
                    + " entries but " + problem.formula() + " has d = " + problem.dimension());
        }
        initialPoint = initialPoint.clone();
    }

    /** The condition of {@code problem} at its own initial point (restart 0, the one the papers use). */
    public static Condition of(Problem problem) {
        return new Condition(problem, problem.initialPoint(0));
    }

    /** x_0 (a copy). */
    @Override
    public double[] initialPoint() {
        return initialPoint.clone();
    }

    /** d, the problem dimension, which is also the action dimension dU. */
    public int dimension() {
        return problem.dimension();
    }
}
