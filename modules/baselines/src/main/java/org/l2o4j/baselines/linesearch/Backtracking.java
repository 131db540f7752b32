package org.l2o4j.baselines.linesearch;

import org.l2o4j.baselines.linesearch.LineSearchResult.Outcome;
import org.l2o4j.core.config.Checks;

/**
 * Backtracking until sufficient decrease (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Alg. 3.1): try
 * α, then ρα, ρ²α, … until φ(α) ≤ φ(0) + c1·α·φ'(0). The natural search for Newton-type directions, whose unit step is
 * accepted near a minimizer. Non-finite trial values count as too long a step.
 */
public final class Backtracking implements LineSearch {

    private final double c1;
    private final double shrink;
    private final int maxEvaluations;

    /**
     * @param c1             sufficient-decrease constant in (0, 1) (Nocedal &amp; Wright use 1e-4)
     * @param shrink         factor ρ in (0, 1) applied to a rejected step
     * @param maxEvaluations trial steps allowed per search, at least 1
     */
    public Backtracking(double c1, double shrink, int maxEvaluations) {
        requireValid(c1, shrink, maxEvaluations);
        this.c1 = c1;
        this.shrink = shrink;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * The checks of the constructor, for hyperparameter records that build a search later.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static void requireValid(double c1, double shrink, int maxEvaluations) {
        Checks.between("c1", c1, 0, 1);
        Checks.between("backtrackingFactor", shrink, 0, 1);
        Checks.atLeast("maxEvaluationsPerLineSearch", maxEvaluations, 1);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double value0, double slope0, double initialStep) {
        LineSearch.requireDescent(slope0, initialStep);
        double[] out = new double[2];
        double step = initialStep;
        for (int evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
            phi.evaluate(step, out);
            if (out[0] <= value0 + c1 * step * slope0) {
                return new LineSearchResult(Outcome.SUFFICIENT_DECREASE, step, out[0], out[1], evaluations);
            }
            step *= shrink;
        }
        return new LineSearchResult(Outcome.FAILED, 0, value0, slope0, maxEvaluations);
    }
}
