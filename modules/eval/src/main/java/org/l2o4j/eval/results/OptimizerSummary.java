package org.l2o4j.eval.results;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.stats.Interval;
import org.l2o4j.eval.stats.Margins;
import org.l2o4j.eval.stats.Statistics;

/**
 * Everything reported for one optimizer on the test runs, all deterministic (wall-clock lives in {@link Timing}):
 * per-iteration mean and median objective with 95 % intervals over runs, margin of victory and win rate against the
 * other competitors, evaluations spent, and final-objective, area-under-curve and divergence figures.
 *
 * @param label            the optimizer's label
 * @param optimizer        registered name
 * @param hyperparameters  the values used (tuned ones frozen before the test functions were sampled)
 * @param runs             number of runs (test functions × restarts)
 * @param diverged         runs that diverged
 * @param mean             mean over test functions of f(x_t) (restarts averaged per function; diverged runs out)
 * @param median           median over test functions of f(x_t)
 * @param margin           mean margin of victory over test functions
 * @param marginMedian     median margin of victory over test functions, with its order-statistic interval: the
 *                         typical margin, which one blow-up cannot drag as it drags the mean
 * @param winRate          fraction of runs won at each t
 * @param valueEvaluations mean cumulative function evaluations at each t
 * @param gradientEvaluations mean cumulative gradient evaluations at each t
 * @param hessianEvaluations mean cumulative Hessian evaluations at each t
 * @param finalObjective   mean of f(x_T) with its interval
 * @param finalMedian      median of f(x_T) with its interval
 * @param areaUnderCurve   mean over runs of the mean of f(x_t) over t = 0..T (Li &amp; Malik's cost)
 */
public record OptimizerSummary(String label, String optimizer, Map<String, Object> hyperparameters, int runs,
        int diverged, PerStep mean, PerStep median, PerStep margin,
        PerStep marginMedian, double[] winRate, double[] valueEvaluations,
        double[] gradientEvaluations, double[] hessianEvaluations, Interval finalObjective, Interval finalMedian,
        Interval areaUnderCurve) {

    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /**
     * A per-iteration statistic with its interval.
     *
     * @param estimate value at each t
     * @param low      lower 95 % bound at each t
     * @param high     upper 95 % bound at each t
     * @param count    finite observations at each t
     */
    public record PerStep(double[] estimate, double[] low, double[] high, int[] count) {

        static PerStep of(double[][] values, boolean median) {
            int steps = values[0].length;
            PerStep p = new PerStep(new double[steps], new double[steps], new double[steps], new int[steps]);
            double[] column = new double[values.length];
            for (int t = 0; t < steps; t++) {
                for (int r = 0; r < values.length; r++) {
                    column[r] = values[r][t];
                }
                Interval i = median ? Statistics.median(column, LEVEL) : Statistics.mean(column, LEVEL);
                p.estimate[t] = i.estimate();
                p.low[t] = i.low();
                p.high[t] = i.high();
                p.count[t] = i.count();
            }
            return p;
        }
    }

    /**
     * Summaries of every competitor, each against all the others. Intervals are taken over test functions: the
     * restarts of one function share its data and are not independent draws, so each function's finite runs are
     * averaged first (with one restart per function this changes nothing).
     *
     * @param labels     labels in order
     * @param results    their rollouts over the same runs, in the same order
     * @param runProblem for each run, the index of its test function
     */
    public static List<OptimizerSummary> of(List<String> labels, List<RolloutResult> results, int[] runProblem) {
        List<double[][]> objectives = results.stream().map(RolloutResult::objective).toList();
        return IntStream.range(0, results.size())
                .mapToObj(a -> summarize(labels.get(a), results.get(a), objectives, a, runProblem)).toList();
    }

    private static OptimizerSummary summarize(String label, RolloutResult r, List<double[][]> objectives, int a,
            int[] runProblem) {
        int runs = r.problems();
        int steps = r.steps();
        double[][] finalAndArea = new double[runs][2];
        for (int i = 0; i < runs; i++) {
            finalAndArea[i][0] = r.objective()[i][steps];
            double s = 0;
            for (double f : r.objective()[i]) {
                s += f;
            }
            finalAndArea[i][1] = s / (steps + 1);
        }
        double[][] objective = perFunction(r.objective(), runProblem);
        double[][] margins = perFunction(Margins.of(objectives, a), runProblem);
        double[][] perFunctionEnds = perFunction(finalAndArea, runProblem);
        double[] finals = column(perFunctionEnds, 0);
        double[] auc = column(perFunctionEnds, 1);
        return new OptimizerSummary(label, r.optimizer(), r.hyperparameters(), runs, r.divergedCount(),
                PerStep.of(objective, false), PerStep.of(objective, true),
                PerStep.of(margins, false), PerStep.of(margins, true), Margins.winRate(objectives, a),
                meanOver(r.valueEvaluations()), meanOver(r.gradientEvaluations()), meanOver(r.hessianEvaluations()),
                Statistics.mean(finals, LEVEL), Statistics.median(finals, LEVEL), Statistics.mean(auc, LEVEL));
    }

    /** values[run][t] averaged over the finite runs of each function: [function][t], NaN where none is finite. */
    static double[][] perFunction(double[][] values, int[] runProblem) {
        int functions = Arrays.stream(runProblem).max().orElse(-1) + 1;
        int width = values[0].length;
        double[][] sum = new double[functions][width];
        int[][] count = new int[functions][width];
        for (int run = 0; run < values.length; run++) {
            for (int t = 0; t < width; t++) {
                if (Double.isFinite(values[run][t])) {
                    sum[runProblem[run]][t] += values[run][t];
                    count[runProblem[run]][t]++;
                }
            }
        }
        for (int f = 0; f < functions; f++) {
            for (int t = 0; t < width; t++) {
                sum[f][t] = count[f][t] == 0 ? Double.NaN : sum[f][t] / count[f][t];
            }
        }
        return sum;
    }

    private static double[] column(double[][] rows, int j) {
        return Arrays.stream(rows).mapToDouble(row -> row[j]).toArray();
    }

    private static double[] meanOver(long[][] counts) {
        double[] m = new double[counts[0].length];
        for (long[] run : counts) {
            for (int t = 0; t < m.length; t++) {
                m[t] += run[t];
            }
        }
        for (int t = 0; t < m.length; t++) {
            m[t] /= counts.length;
        }
        return m;
    }
}
