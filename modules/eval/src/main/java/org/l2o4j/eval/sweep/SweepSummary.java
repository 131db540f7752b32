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
 * a 95 % Student-t interval over the points (the spread a seed sweep is run to show), the median and range. In a
 * training sweep the competitors are the trained optimizer and the evaluation's baselines, and each point also says
 * what its training did.
 *
 * @param points     the points, in order
 * @param labels     the competitors (the same at every point)
 * @param finalMeans [competitor][point] the mean of f(x_T) over the point's test functions
 * @param across     per competitor, the mean over points with its interval
 * @param median     per competitor, the median over points
 * @param min        per competitor, the lowest point
 * @param max        per competitor, the highest point
 * @param diverged   per competitor, diverged runs summed over points
 * @param training   per point, what its training did; empty in a sweep of a comparison experiment
 */
public record SweepSummary(List<SweepPoint> points, List<String> labels, double[][] finalMeans, List<Interval> across,
        double[] median, double[] min, double[] max, int[] diverged, List<PointTraining> training) {

    public SweepSummary {
        training = List.copyOf(training);
    }

    /** Confidence level of the interval over points. */
    public static final double LEVEL = 0.95;

    /**
     * Gathers the points' results of a sweep of a comparison experiment.
     *
     * @throws IllegalArgumentException if the points compared different competitors
     */
    public static SweepSummary of(List<SweepPoint> points, List<PointResult> results) {
        return of(points, results, List.of());
    }

    /**
     * Gathers the points' results, with what each point's training did (empty for a comparison experiment).
     *
     * @throws IllegalArgumentException if the points compared different competitors
     */
    public static SweepSummary of(List<SweepPoint> points, List<PointResult> results, List<PointTraining> training) {
        if (!training.isEmpty() && training.size() != points.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + training.size() + " trainings");
        }
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
        return new SweepSummary(points, labels, finals, across, median, min, max, diverged, training);
    }

    /**
     * {@code sweep.csv}: one row per point and competitor; in a training sweep each row also carries its point's
     * training (the trainer's unit, the units done, the problem-steps spent), the same on every row of the point. The
     * training's wall-clock is left to {@link #timingCsv()}, so that this file depends on the seeds alone.
     *
     * @param training per point, what its training did; empty for a comparison experiment
     */
    public static String csv(List<SweepPoint> points, List<PointResult> results, List<PointTraining> training) {
        StringBuilder out = new StringBuilder("point,overrides,optimizer,final_mean,final_median,mean_over_steps,"
                + "diverged" + (training.isEmpty() ? "" : ",training_unit,training_units,problem_steps") + "\n");
        for (int p = 0; p < points.size(); p++) {
            PointResult r = results.get(p);
            for (int k = 0; k < r.labels().size(); k++) {
                out.append(p).append(',').append(quoted(points.get(p).label())).append(',').append(r.labels().get(k))
                        .append(',').append(r.finalMean()[k]).append(',').append(r.finalMedian()[k]).append(',')
                        .append(r.meanOverSteps()[k]).append(',').append(r.diverged()[k]);
                if (!training.isEmpty()) {
                    PointTraining t = training.get(p);
                    out.append(',').append(t.unit()).append(',').append(t.units()).append(',')
                            .append(t.problemSteps());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A training sweep's {@code timing.csv}: per point, the wall-clock seconds of its training and of its evaluation
     * (kept apart from the results, which are the same bytes on every engine).
     */
    public String timingCsv() {
        StringBuilder out = new StringBuilder("point,overrides,training_seconds,evaluation_seconds\n");
        for (int p = 0; p < training.size(); p++) {
            PointTraining t = training.get(p);
            out.append(p).append(',').append(quoted(points.get(p).label())).append(',').append(t.trainingSeconds())
                    .append(',').append(t.evaluationSeconds()).append('\n');
        }
        return out.toString();
    }

    /** {@code sweep.json}'s content: the points and, per competitor, the statistics over points. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> pointList = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("label", points.get(p).label());
            point.put("overrides", points.get(p).overrides());
            if (!training.isEmpty()) {
                PointTraining t = training.get(p);
                point.put("training", Map.of("unit", t.unit(), "units", t.units(), "problemSteps", t.problemSteps()));
            }
            pointList.add(point);
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

    /**
     * The console table: one line per competitor; in a training sweep, then one line per point with its training.
     */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %12s %25s %12s %12s %12s %9s%n",
                "optimizer", "mean", "95% interval over points", "median", "min", "max", "diverged"));
        for (int k = 0; k < labels.size(); k++) {
            Interval i = across.get(k);
            out.append(String.format(Locale.ROOT, "%-22s %12.5g %25s %12.5g %12.5g %12.5g %9d%n", labels.get(k),
                    i.estimate(), String.format(Locale.ROOT, "[%.5g, %.5g]", i.low(), i.high()), median[k], min[k],
                    max[k], diverged[k]));
        }
        if (!training.isEmpty()) {
            int width = "overrides".length();
            for (SweepPoint p : points) {
                width = Math.max(width, p.label().length());
            }
            String row = "%-6s %-" + width + "s %20s %14s %11s %13s%n";
            out.append(String.format(Locale.ROOT, "%ntraining at each point%n"));
            out.append(String.format(Locale.ROOT, row, "point", "overrides", "trained", "problem-steps", "training s",
                    "evaluation s"));
            for (int p = 0; p < points.size(); p++) {
                PointTraining t = training.get(p);
                out.append(String.format(Locale.ROOT, row, p, points.get(p).label(), t.units() + " " + t.unit()
                        + (t.units() == 1 ? "" : "s"), t.problemSteps(), String.format(Locale.ROOT, "%.1f",
                        t.trainingSeconds()), String.format(Locale.ROOT, "%.1f", t.evaluationSeconds())));
            }
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
