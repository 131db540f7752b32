package org.l2o4j.baselines.linesearch;

/**
 * What a {@link LineSearch} found.
 *
 * @param outcome     whether the step meets the search's conditions
 * @param step        the step α (0 when the search failed)
 * @param value       φ(α)
 * @param slope       φ'(α)
 * @param evaluations how many times the search evaluated φ, each one charged to the problem by {@link Ray}
 */
public record LineSearchResult(Outcome outcome, double step, double value, double slope, int evaluations) {

    /** How a search ended. */
    public enum Outcome {
        /**
         * Both strong Wolfe conditions hold at the step (Nocedal &amp; Wright eq. 3.7), sufficient decrease in its
         * approximate form where f differs from φ(0) by rounding noise only (see {@link StrongWolfe}).
         */
        STRONG_WOLFE,
        /**
         * The sufficient-decrease (Armijo) condition holds: the goal of a backtracking search, or the best a
         * strong-Wolfe search found before its evaluation budget ran out.
         */
        SUFFICIENT_DECREASE,
        /** No step with sufficient decrease was found; {@code step} is 0 and the caller keeps its point. */
        FAILED
    }

    /** Whether the caller should move to the step (it decreases f, or keeps it within rounding noise). */
    public boolean accepted() {
        return outcome != Outcome.FAILED;
    }
}
