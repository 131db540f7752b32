package org.l2o4j.baselines.linesearch;

import org.l2o4j.baselines.linesearch.LineSearchResult.Outcome;
import org.l2o4j.core.config.Checks;

/**
 * A line search for a step satisfying the strong Wolfe conditions (Nocedal &amp; Wright, <i>Numerical Optimization</i>,
 * 2nd ed., eq. 3.7):
 * <pre>
 *   φ(α) ≤ φ(0) + c1·α·φ'(0)        (sufficient decrease)
 *   |φ'(α)| ≤ c2·|φ'(0)|             (curvature)
 * </pre>
 * Bracketing phase: Algorithm 3.5, doubling the step while φ keeps decreasing. Zoom phase: Algorithm 3.6, with the
 * trial step the minimizer of the cubic interpolating φ and φ' at both ends of the bracket (eq. 3.59), replaced by
 * bisection when the cubic has no minimizer or puts it within 10% of an end (the safeguard that guarantees the bracket
 * shrinks). On a quadratic the cubic is exact, so a bracket is resolved in one trial.
 *
 * <p>Every search stops after {@code maxEvaluations} evaluations. If by then no step meets both conditions, it returns
 * the step with the lowest value among those with sufficient decrease (Alg. 3.6's α_lo), evaluating it once more
 * within the budget when it was not the last one evaluated, as {@link LineSearch} requires; without any such step it
 * fails and the caller keeps its point. Failing is what happens at a minimizer in floating point, where no step can
 * decrease f.
 *
 * <p><b>Within rounding noise</b> of φ(0) (relative band 1e-10), sufficient decrease is replaced by its derivative form
 * φ'(α) ≤ (1 − 2c1)·|φ'(0)| together with φ(α) ≤ φ(0) + 1e-10·|φ(0)|: Hager &amp; Zhang's approximate Wolfe
 * conditions (SIAM J. Optim. 16(1), 2005, eq. 4.1, with their ε_k = ε·|f(x_k)|). A step accepted there may
 * <em>raise</em> the computed f, by at most the band and in practice by its rounding error (at most 2e-14·|f| on the
 * logistic-regression and robust-linear-regression test problems). This is deliberate: near a minimizer the true
 * change of f along the ray is smaller than the error in computing it, so demanding a computed decrease makes
 * acceptance a coin toss and L-BFGS stalls where f stops resolving progress (‖∇f‖ up to 8e-9 on those problems)
 * instead of going on to ‖∇f‖ &lt; 1e-14 on the accurately computed derivative. Steps there no longer lower f
 * reliably, so the methods that use this search stop by {@link Termination}, not by a failed search.
 */
public final class StrongWolfe implements LineSearch {

    private static final double EXPANSION = 2.0;
    private static final double SAFEGUARD = 0.1;

    /**
     * Relative size of a change in f that is treated as rounding noise. Near a minimizer, f(x + αp) − f(x) falls
     * below f's resolution long before ∇f does, and a search that compares values alone stops about √ε·scale away
     * from the optimum. Within this band the decisions follow the derivative instead: Hager &amp; Zhang's
     * approximate Wolfe conditions (SIAM J. Optim. 16, 2005, eq. 4.1), with a much tighter band than their 1e-6, so
     * that far from a minimizer (where a step changes f by more than 1e-10·|f|) the classical conditions decide.
     */
    private static final double VALUE_NOISE = 1e-10;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    /**
     * @param c1             sufficient-decrease constant, 0 &lt; c1 &lt; c2 (Nocedal &amp; Wright use 1e-4)
     * @param c2             curvature constant, c1 &lt; c2 &lt; 1 (0.9 for quasi-Newton, 0.1 for nonlinear CG)
     * @param maxEvaluations evaluations allowed per search, at least 1
     */
    public StrongWolfe(double c1, double c2, int maxEvaluations) {
        requireValid(c1, c2, maxEvaluations);
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * The checks of the constructor, for hyperparameter records that build a search later.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static void requireValid(double c1, double c2, int maxEvaluations) {
        Checks.between("c1", c1, 0, 1);
        Checks.between("c2", c2, c1, 1);
        Checks.atLeast("maxEvaluationsPerLineSearch", maxEvaluations, 1);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double value0, double slope0, double initialStep) {
        LineSearch.requireDescent(slope0, initialStep);
        double[] out = new double[2];
        double previousStep = 0;
        double previousValue = value0;
        double previousSlope = slope0;
        double step = initialStep;
        int evaluations = 0;
        while (true) {
            phi.evaluate(step, out);
            evaluations++;
            double value = out[0];
            double slope = out[1];
            if (!decreasesEnough(value0, slope0, step, value, slope)
                    || (evaluations > 1 && above(value, slope, previousValue, value0))) {
                return zoom(phi, value0, slope0, previousStep, previousValue, previousSlope, false, step, value, slope,
                        evaluations, out);
            }
            if (Math.abs(slope) <= -c2 * slope0) {
                return new LineSearchResult(Outcome.STRONG_WOLFE, step, value, slope, evaluations);
            }
            if (slope >= 0) {
                return zoom(phi, value0, slope0, step, value, slope, true, previousStep, previousValue, previousSlope,
                        evaluations, out);
            }
            if (evaluations >= maxEvaluations - 1) {
                // A further trial could overshoot and leave no evaluation to come back here.
                return new LineSearchResult(Outcome.SUFFICIENT_DECREASE, step, value, slope, evaluations);
            }
            previousStep = step;
            previousValue = value;
            previousSlope = slope;
            step *= EXPANSION;
        }
    }

    /**
     * Algorithm 3.6. The bracket [lo, hi] (in either order) contains strong-Wolfe steps; lo is the step with the lowest
     * value among those with sufficient decrease, and {@code loEvaluatedLast} says whether it was the last evaluation.
     * While lo &gt; 0 one evaluation is always held back, even when lo was evaluated last: the next trial may become
     * hi, and then lo must be evaluated again to be returned.
     */
    private LineSearchResult zoom(LineFunction phi, double value0, double slope0, double lo, double loValue,
            double loSlope, boolean loEvaluatedLast, double hi, double hiValue, double hiSlope, int evaluationsSoFar,
            double[] out) {
        int evaluations = evaluationsSoFar;
        while (true) {
            int reserve = lo > 0 ? 1 : 0;
            if (evaluations >= maxEvaluations - reserve) {
                break;
            }
            double trial = trialStep(lo, loValue, loSlope, hi, hiValue, hiSlope);
            if (trial == lo || trial == hi) {
                // The bracket is below floating-point resolution: no step left to try.
                break;
            }
            phi.evaluate(trial, out);
            evaluations++;
            double value = out[0];
            double slope = out[1];
            if (!decreasesEnough(value0, slope0, trial, value, slope) || above(value, slope, loValue, value0)) {
                hi = trial;
                hiValue = value;
                hiSlope = slope;
                loEvaluatedLast = false;
            } else {
                if (Math.abs(slope) <= -c2 * slope0) {
                    return new LineSearchResult(Outcome.STRONG_WOLFE, trial, value, slope, evaluations);
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                    hiValue = loValue;
                    hiSlope = loSlope;
                }
                lo = trial;
                loValue = value;
                loSlope = slope;
                loEvaluatedLast = true;
            }
        }
        if (lo == 0) {
            return new LineSearchResult(Outcome.FAILED, 0, value0, slope0, evaluations);
        }
        if (!loEvaluatedLast) {
            phi.evaluate(lo, out);
            evaluations++;
        }
        return new LineSearchResult(Outcome.SUFFICIENT_DECREASE, lo, loValue, loSlope, evaluations);
    }

    /**
     * The sufficient-decrease condition, or, where the values differ only by rounding noise, its derivative form
     * φ'(α) ≤ (1 − 2c1)|φ'(0)| (Hager &amp; Zhang's approximate Wolfe); a non-finite value or slope counts as a step
     * too long.
     */
    private boolean decreasesEnough(double value0, double slope0, double step, double value, double slope) {
        if (!Double.isFinite(slope) || !Double.isFinite(value)) {
            return false;
        }
        return value <= value0 + c1 * step * slope0
                || (value <= value0 + VALUE_NOISE * Math.abs(value0) && slope <= (2 * c1 - 1) * slope0);
    }

    /**
     * Whether a trial lies above a reference point of the bracket: by value, or by the sign of the slope when the
     * two values are within rounding noise of each other.
     */
    private static boolean above(double value, double slope, double reference, double value0) {
        if (Math.abs(value - reference) <= VALUE_NOISE * Math.abs(value0)) {
            return slope >= 0;
        }
        return value > reference;
    }

    /** The cubic-interpolation step of eq. 3.59 inside the safeguarded bracket, else the bisection point. */
    private static double trialStep(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double d2 = Math.signum(b - a) * Math.sqrt(d1 * d1 - ga * gb);
        double cubic = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
        double left = Math.min(a, b);
        double width = Math.abs(b - a);
        if (cubic >= left + SAFEGUARD * width && cubic <= left + (1 - SAFEGUARD) * width) {
            return cubic;
        }
        return left + 0.5 * width;
    }
}
