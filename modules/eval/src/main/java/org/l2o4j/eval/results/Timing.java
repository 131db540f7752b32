package org.l2o4j.eval.results;

import org.l2o4j.core.rollout.RolloutResult;

/**
 * Wall-clock cost of one optimizer on the test runs, kept apart from the deterministic results because it differs
 * from run to run.
 *
 * @param label                the optimizer's label
 * @param secondsPerStep       mean over runs of the seconds per iteration (the batch's time shared over its runs)
 * @param cumulativeSeconds    mean cumulative seconds at each t, the x axis of objective-vs-time figures
 * @param evaluationsPerStep   mean function, gradient and Hessian evaluations per iteration, all counted alike
 */
public record Timing(String label, double secondsPerStep, double[] cumulativeSeconds, double evaluationsPerStep) {

    /** The timing of a rollout. */
    public static Timing of(String label, RolloutResult r) {
        int steps = r.steps();
        double[] cumulative = new double[steps + 1];
        double evals = 0;
        for (int i = 0; i < r.problems(); i++) {
            for (int t = 0; t <= steps; t++) {
                cumulative[t] += r.wallSeconds()[i][t] / r.problems();
            }
            evals += (double) (r.valueEvaluations()[i][steps] - r.valueEvaluations()[i][0]
                    + r.gradientEvaluations()[i][steps] - r.gradientEvaluations()[i][0]
                    + r.hessianEvaluations()[i][steps] - r.hessianEvaluations()[i][0]) / r.problems();
        }
        return new Timing(label, steps == 0 ? 0 : cumulative[steps] / steps, cumulative,
                steps == 0 ? 0 : evals / steps);
    }
}
