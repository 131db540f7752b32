package org.l2o4j.eval.results;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.stats.Statistics;

/**
 * One method's suboptimality f(x_t) − f* over the test functions ({@link BestKnown} f* per function; restarts averaged
 * per function first, as everywhere else): median and quartiles per step. Subtracting each function's own optimum
 * removes the spread between functions' optima, which otherwise puts every method inside one band.
 *
 * @param label  the method
 * @param median median over functions at each t
 * @param lower  first quartile at each t
 * @param upper  third quartile at each t
 * @param count  functions with a finite value at each t (a diverged run is out)
 */
public record Suboptimality(String label, double[] median, double[] lower, double[] upper, int[] count) {

    /** Every method's suboptimality against the same f*. */
    public static List<Suboptimality> of(List<String> labels, List<RolloutResult> results, int[] runProblem,
            double[] best) {
        List<Suboptimality> out = new ArrayList<>();
        for (int s = 0; s < results.size(); s++) {
            double[][] f = OptimizerSummary.perFunction(results.get(s).objective(), runProblem);
            int steps = f[0].length;
            Suboptimality q = new Suboptimality(labels.get(s), new double[steps], new double[steps],
                    new double[steps], new int[steps]);
            double[] gaps = new double[f.length];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < f.length; i++) {
                    gaps[i] = f[i][t] - best[i];
                }
                q.median[t] = Statistics.quantile(gaps, 0.5);
                q.lower[t] = Statistics.quantile(gaps, 0.25);
                q.upper[t] = Statistics.quantile(gaps, 0.75);
                q.count[t] = Statistics.finite(gaps).length;
            }
            out.add(q);
        }
        return out;
    }
}
