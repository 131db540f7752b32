package org.l2o4j.eval.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.results.OptimizerSummary;

/**
 * What one sweep point produced: its files, and per competitor the numbers the sweep's table compares.
 *
 * @param files          the point's files (path relative to the point's folder → bytes), written by the driver
 * @param labels         the competitors, in the experiment's order
 * @param finalMean      per competitor, the mean of f(x_T) over the test functions
 * @param finalMedian    per competitor, the median of f(x_T)
 * @param meanOverSteps  per competitor, the mean objective averaged over t = 0..T
 * @param diverged       per competitor, diverged runs
 */
public record PointResult(Map<String, byte[]> files, List<String> labels, double[] finalMean, double[] finalMedian,
        double[] meanOverSteps, int[] diverged) implements Serializable {

    public PointResult {
        files = new TreeMap<>(files);
        labels = List.copyOf(labels);
    }

    /** The numbers of a comparison's outcome, read from its summaries (the same as its {@code summary.json}). */
    static PointResult of(Map<String, byte[]> files, ExperimentOutcome outcome) {
        List<OptimizerSummary> summaries = outcome.summaries();
        int n = summaries.size();
        double[] finalMean = new double[n];
        double[] finalMedian = new double[n];
        double[] meanOverSteps = new double[n];
        int[] diverged = new int[n];
        for (int k = 0; k < n; k++) {
            OptimizerSummary s = summaries.get(k);
            finalMean[k] = s.finalObjective().estimate();
            finalMedian[k] = s.finalMedian().estimate();
            double[] mean = s.mean().estimate();
            double sum = 0;
            for (double v : mean) {
                sum += v;
            }
            meanOverSteps[k] = sum / mean.length;
            diverged[k] = s.diverged();
        }
        return new PointResult(files, outcome.labels(), finalMean, finalMedian, meanOverSteps, diverged);
    }
}
