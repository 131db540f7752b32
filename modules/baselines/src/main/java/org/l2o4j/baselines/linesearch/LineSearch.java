package org.l2o4j.baselines.linesearch;

/**
 * A one-dimensional search for a step along a descent direction.
 *
 * <p><b>Contract.</b> The search calls {@link LineFunction#evaluate} at most its configured number of times. Unless the
 * outcome is {@link LineSearchResult.Outcome#FAILED}, its <em>last</em> evaluation was at the step it returns, so the
 * caller can move to the point it evaluated last without evaluating again (see {@link Ray#moveToLastEvaluated()}).
 * A failed search returns step 0: the caller keeps its point.
 */
public interface LineSearch {

    /**
     * @param phi         the objective along the ray
     * @param value0      φ(0)
     * @param slope0      φ'(0); must be negative (a descent direction)
     * @param initialStep the first step tried, positive
     * @throws IllegalArgumentException if {@code slope0} is not negative or {@code initialStep} not positive
     */
    LineSearchResult search(LineFunction phi, double value0, double slope0, double initialStep);

    /** The precondition every search checks first. */
    static void requireDescent(double slope0, double initialStep) {
        if (!(slope0 < 0)) {
            throw new IllegalArgumentException("a line search needs a descent direction, but the slope at step 0 is "
                    + slope0);
        }
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException("the initial step must be positive and finite, got " + initialStep);
        }
    }
}
