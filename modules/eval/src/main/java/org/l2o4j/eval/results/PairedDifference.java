package org.l2o4j.eval.results;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.stats.Interval;
import org.l2o4j.eval.stats.Statistics;

/**
 * The reference optimizer (the first competitor: the learned one when {@code l2o evaluate} adds it) minus another,
 * paired on the test functions: at each t, the mean over functions of f_ref(x_t) − f_other(x_t) (restarts averaged
 * per function first) with its 95 % Student-t interval. Pairing removes the spread between the functions' optima,
 * which dwarfs the differences between methods; an interval below 0 says the reference is lower there. A function
 * where either run diverged is left out at that t (the count says how many remain).
 *
 * @param reference the reference's label
 * @param against   the other competitor's label
 * @param mean      the mean paired difference at each t
 * @param low       its lower 95 % bound
 * @param high      its upper 95 % bound
 * @param count     functions paired at each t
 */
public record PairedDifference(String reference, String against, double[] mean, double[] low, double[] high,
        int[] count) {

    /** The first competitor against each of the others, over the same runs. */
    public static List<PairedDifference> of(List<String> labels, List<RolloutResult> results, int[] runProblem) {
        double[][] reference = OptimizerSummary.perFunction(results.get(0).objective(), runProblem);
        List<PairedDifference> out = new ArrayList<>();
        for (int b = 1; b < results.size(); b++) {
            double[][] other = OptimizerSummary.perFunction(results.get(b).objective(), runProblem);
            int steps = reference[0].length;
            PairedDifference d = new PairedDifference(labels.get(0), labels.get(b), new double[steps],
                    new double[steps], new double[steps], new int[steps]);
            double[] column = new double[reference.length];
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < reference.length; f++) {
                    column[f] = reference[f][t] - other[f][t];
                }
                Interval i = Statistics.mean(column, OptimizerSummary.LEVEL);
                d.mean[t] = i.estimate();
                d.low[t] = i.low();
                d.high[t] = i.high();
                d.count[t] = i.count();
            }
            out.add(d);
        }
        return out;
    }
}
