package org.l2o4j.eval.results;

import org.l2o4j.core.rollout.RolloutResult;

/**
 * Wall-clock and evaluation cost of one optimizer on the test runs, kept apart from the deterministic results because
 * the wall-clock part differs from run to run.
 *
 * @param label                       the optimizer's label
 * @param secondsPerStep              mean over runs of the seconds per iteration (the batch's time shared over its
 *                                    runs)
 * @param cumulativeSeconds           mean cumulative seconds at each t, the x axis of objective-vs-time figures
 * @param valueEvaluationsPerStep     mean function evaluations per iteration
 * @param gradientEvaluationsPerStep  mean gradient evaluations per iteration (a value-and-gradient call is one of
 *                                    each)
 * @param hessianEvaluationsPerStep   mean Hessian evaluations per iteration
 */
public record Timing(String label, double secondsPerStep, double[] cumulativeSeconds, double valueEvaluationsPerStep,
        double gradientEvaluationsPerStep, double hessianEvaluationsPerStep) {

    /** The timing of a rollout. */
    public static Timing of(String label, RolloutResult r) {
        int steps = r.steps();
        double[] cumulative = new double[steps + 1];
        for (int i = 0; i < r.problems(); i++) {
            for (int t = 0; t <= steps; t++) {
                cumulative[t] += r.wallSeconds()[i][t] / r.problems();
            }
        }
        return new Timing(label, perStep(cumulative[steps], steps), cumulative,
                perStep(spent(r.valueEvaluations()), steps), perStep(spent(r.gradientEvaluations()), steps),
                perStep(spent(r.hessianEvaluations()), steps));
    }

    /** Mean over runs of what was spent after the starting point. */
    private static double spent(long[][] counts) {
        double total = 0;
        for (long[] run : counts) {
            total += run[run.length - 1] - run[0];
        }
        return total / counts.length;
    }

    private static double perStep(double total, int steps) {
        return steps == 0 ? 0 : total / steps;
    }
}
