package org.l2o4j.eval.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one sweep point produced: its run folder's files, and per competitor the numbers the sweep's table compares.
 *
 * @param files          every file of the point's run folder (relative path → bytes), to be written by the driver
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
}
