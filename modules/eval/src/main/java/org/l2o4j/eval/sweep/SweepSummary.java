package org.l2o4j.eval.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.l2o4j.eval.stats.Interval;
import org.l2o4j.eval.stats.Statistics;

/**
 * The sweep's comparison across its points: per competitor, its final mean objective at every point, their mean with
 * a 95 % Student-t interval over the points (the spread a seed sweep is run to show), the median and range.
 *
 * @param points     the points, in order
 * @param labels     the competitors (the same at every point)
 * @param finalMeans [competitor][point] the mean of f(x_T) over the point's test functions
 * @param across     per competitor, the mean over points with its interval
 * @param median     per competitor, the median over points
 * @param min        per competitor, the lowest point
 * @param max        per competitor, the highest point
 * @param diverged   per competitor, diverged runs summed over points
 */
public record SweepSummary(List<SweepPoint> points, List<String> labels, double[][] finalMeans, List<Interval> across,
        double[] median, double[] min, double[] max, int[] diverged) {

    /** Confidence level of the interval over points. */
    public static final double LEVEL = 0.95;

    /**
     * Gathers the points' results.
     *
     * @throws IllegalArgumentException if the points compared different competitors
     */
    public static SweepSummary of(List<SweepPoint> points, List<PointResult> results) {
        List<String> labels = results.get(0).labels();
        int m = labels.size();
        double[][] finals = new double[m][points.size()];
        int[] diverged = new int[m];
        for (int p = 0; p < results.size(); p++) {
            PointResult r = results.get(p);
            if (!r.labels().equals(labels)) {
                throw new IllegalArgumentException("sweep point " + points.get(p).label() + " compares " + r.labels()
                        + ", the first compares " + labels);
            }
            for (int k = 0; k < m; k++) {
                finals[k][p] = r.finalMean()[k];
                diverged[k] += r.diverged()[k];
            }
        }
        List<Interval> across = new ArrayList<>();
        double[] median = new double[m];
        double[] min = new double[m];
        double[] max = new double[m];
        for (int k = 0; k < m; k++) {
            across.add(Statistics.mean(finals[k], LEVEL));
            median[k] = Statistics.quantile(finals[k], 0.5);
            min[k] = Double.POSITIVE_INFINITY;
            max[k] = Double.NEGATIVE_INFINITY;
            for (double v : finals[k]) {
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
        }
        return new SweepSummary(points, labels, finals, across, median, min, max, diverged);
    }

    /** {@code sweep.csv}: one row per point and competitor. */
    public static String csv(List<SweepPoint> points, List<PointResult> results) {
        StringBuilder out = new StringBuilder("point,overrides,optimizer,final_mean,final_median,mean_over_steps,"
                + "diverged\n");
        for (int p = 0; p < points.size(); p++) {
            PointResult r = results.get(p);
            for (int k = 0; k < r.labels().size(); k++) {
                out.append(p).append(',').append(quoted(points.get(p).label())).append(',').append(r.labels().get(k))
                        .append(',').append(r.finalMean()[k]).append(',').append(r.finalMedian()[k]).append(',')
                        .append(r.meanOverSteps()[k]).append(',').append(r.diverged()[k]).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code sweep.json}'s content: the points and, per competitor, the statistics over points. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> pointList = new ArrayList<>();
        for (SweepPoint p : points) {
            pointList.add(Map.of("label", p.label(), "overrides", p.overrides()));
        }
        out.put("points", pointList);
        out.put("confidenceLevel", LEVEL);
        List<Map<String, Object>> optimizers = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("label", labels.get(k));
            o.put("finalMeanPerPoint", finalMeans[k]);
            o.put("meanOverPoints", across.get(k));
            o.put("medianOverPoints", median[k]);
            o.put("min", min[k]);
            o.put("max", max[k]);
            o.put("diverged", diverged[k]);
            optimizers.add(o);
        }
        out.put("optimizers", optimizers);
        return out;
    }

    /** The console table: one line per competitor. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %12s %25s %12s %12s %12s %9s%n",
                "optimizer", "mean", "95% interval over points", "median", "min", "max", "diverged"));
        for (int k = 0; k < labels.size(); k++) {
            Interval i = across.get(k);
            out.append(String.format(Locale.ROOT, "%-22s %12.5g %25s %12.5g %12.5g %12.5g %9d%n", labels.get(k),
                    i.estimate(), String.format(Locale.ROOT, "[%.5g, %.5g]", i.low(), i.high()), median[k], min[k],
                    max[k], diverged[k]));
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
