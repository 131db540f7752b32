package org.l2o4j.analysis.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.l2o4j.analysis.dynamics.Curves;
import org.l2o4j.analysis.report.Table;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;

/**
 * The analyses of a feed-forward learned optimizer (a {@link StepRule} on a history of features, such as Li &amp;
 * Malik's policy), run through the same {@link FeatureDrivenOptimizer} that {@code l2o evaluate} runs:
 * <ul>
 *   <li><b>Effective learning rate along a run</b>: at every step of the test runs, −∂Δx_i/∂g_i with respect to the
 *   newest gradient in the observation (central differences of the rule), per coordinate; the median and quartiles
 *   over problems and coordinates per step.</li>
 *   <li><b>Update functions</b>: Δx_0 as the newest gradient's first component sweeps [−R, R] with the rest of the
 *   observation held, at several steps of a run.</li>
 *   <li><b>Response to a constant gradient</b>: runs on f(x) = c·Σ_i x_i, whose gradient is c everywhere, for a
 *   range of c: a momentum-like rule builds its step up geometrically to a steady state, and the steady-state rate
 *   −Δx/c shows whether the step adapts to the gradient's size (falls with |c|, like RMSProp) or not.</li>
 * </ul>
 */
public final class PolicyAnalysis {

    /**
     * @param problems       test functions to run
     * @param steps          steps of each run, also of the constant-gradient runs
     * @param gradientRange  the update functions' range, or NaN for the 99th percentile of |newest gradient| met
     * @param gridPoints     points of each update function
     * @param constantGradients the magnitudes c of the constant-gradient runs (each with both signs)
     */
    public record Settings(int problems, int steps, double gradientRange, int gridPoints, double[] constantGradients) {

        /** 32 functions, 101 grid points, c from 1e-3 to 10 (9 values, evenly in log). */
        public static Settings defaults(int steps) {
            double[] c = new double[9];
            for (int k = 0; k < c.length; k++) {
                c[k] = Math.pow(10, -3 + 0.5 * k);
            }
            return new Settings(32, steps, Double.NaN, 101, c);
        }

        public Settings {
            if (problems < 1 || steps < 2 || gridPoints < 3 || constantGradients.length < 2
                    || Arrays.stream(constantGradients).anyMatch(c -> !(c > 0))) {
                throw new IllegalArgumentException("invalid policy-analysis settings: " + this);
            }
        }
    }

    /** The observations and actions a rule was asked for, call after call (one call per step of a run). */
    static final class RecordingRule implements StepRule {
        private final StepRule rule;
        final List<double[]> observations = new ArrayList<>();
        final List<double[]> actions = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        FeatureLayout layout;

        RecordingRule(StepRule rule) {
            this.rule = rule;
        }

        @Override
        public void steps(FeatureLayout l, int count, double[] o, double[] a) {
            rule.steps(l, count, o, a);
            layout = l;
            observations.add(Arrays.copyOf(o, count * l.dimension()));
            actions.add(Arrays.copyOf(a, count * l.problemDimension()));
            counts.add(count);
        }
    }

    private PolicyAnalysis() {
    }

    /** Runs the analyses and writes into {@code folder}; returns the summary also written as {@code summary.json}. */
    public static Map<String, Object> run(FeatureDrivenOptimizer optimizer, List<? extends Problem> testProblems,
            Settings settings, String label, Path folder, Progress progress) {
        List<? extends Problem> problems = testProblems.subList(0, Math.min(settings.problems(),
                testProblems.size()));
        Path figures = folder.resolve("figures");
        RecordingRule recorder = new RecordingRule(optimizer.rule());
        FeatureDrivenOptimizer recording = new FeatureDrivenOptimizer(optimizer.name(), Map.of(), optimizer.preset(),
                recorder);
        ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0))
                .toList());
        double[][] losses = new double[problems.size()][settings.steps() + 1];
        try (Progress.Task task = progress.begin("record test runs", settings.steps())) {
            OptimizerState state = recording.start(batch);
            for (int t = 0; t <= settings.steps(); t++) {
                for (int p = 0; p < problems.size(); p++) {
                    losses[p][t] = batch.values()[p];
                }
                if (t < settings.steps()) {
                    state.step();
                    task.advance(1);
                }
            }
        }
        FeatureLayout layout = recorder.layout;
        int lag = newestGradientLag(layout);
        int offset = layout.gradientOffset(lag);
        int d = layout.problemDimension();
        int dO = layout.dimension();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("optimizer", label);
        summary.put("testFunctions", problems.size());
        summary.put("steps", settings.steps());
        summary.put("featurePreset", layout.preset().name());
        summary.put("newestGradientLag", lag);

        int calls = recorder.observations.size();
        double[][] rates = new double[calls][];
        double[][] met = new double[calls][];
        try (Progress.Task task = progress.begin("effective learning rate along the runs", calls)) {
            for (int t = 0; t < calls; t++) {
                int count = recorder.counts.get(t);
                double[] o = recorder.observations.get(t);
                rates[t] = new double[count * d];
                met[t] = new double[count * d];
                double[] perturbed = new double[2 * count * d * dO];
                double[] widths = new double[count * d];
                for (int k = 0; k < count; k++) {
                    for (int i = 0; i < d; i++) {
                        int row = k * d + i;
                        double g = o[k * dO + offset + i];
                        met[t][row] = g;
                        widths[row] = 1e-6 * Math.max(1, Math.abs(g));
                        for (int sign = 0; sign < 2; sign++) {
                            int base = (2 * row + sign) * dO;
                            System.arraycopy(o, k * dO, perturbed, base, dO);
                            perturbed[base + offset + i] += sign == 0 ? widths[row] : -widths[row];
                        }
                    }
                }
                double[] actions = new double[2 * count * d * d];
                optimizer.rule().steps(layout, 2 * count * d, perturbed, actions);
                for (int row = 0; row < count * d; row++) {
                    int i = row % d;
                    double up = actions[(2 * row) * d + i];
                    double down = actions[(2 * row + 1) * d + i];
                    rates[t][row] = -(up - down) / (2 * widths[row]);
                }
                task.advance(1);
            }
        }
        summary.put("effectiveLearningRate", rateAlongRun(folder, figures, rates, label));

        double range = Double.isNaN(settings.gradientRange()) ? Curves.absoluteQuantile(met, 0.99)
                : settings.gradientRange();
        if (!(range > 0)) {
            range = 1;
        }
        summary.put("updateFunctions", updateFunctions(folder, figures, recorder, layout, offset, range,
                settings.gridPoints(), label));
        try (Progress.Task task = progress.begin("constant-gradient runs", 2L * settings.constantGradients().length)) {
            summary.put("constantGradient", constantGradient(folder, figures, optimizer, problems.get(0), settings,
                    label, task));
        }
        double[] lm = Curves.mean(losses);
        Table t = new Table("step", "mean_objective");
        for (int s = 0; s < lm.length; s++) {
            t.row(s, lm[s]);
        }
        t.write(folder.resolve("loss-curve.csv"));
        AtomicFiles.writeJson(folder.resolve("summary.json"), summary);
        return summary;
    }

    /** The smallest gradient lag present in the observation (0, the current gradient, in the released-code preset). */
    static int newestGradientLag(FeatureLayout layout) {
        for (int lag = 0; lag <= layout.preset().historyLength() + 1; lag++) {
            if (layout.gradientOffset(lag) >= 0) {
                return lag;
            }
        }
        throw new IllegalArgumentException("the " + layout.preset().name() + " features hold no gradient to vary");
    }

    private static Map<String, Object> rateAlongRun(Path folder, Path figures, double[][] rates, String label) {
        int steps = rates.length;
        double[] median = new double[steps];
        double[] lower = new double[steps];
        double[] upper = new double[steps];
        double[] x = new double[steps];
        Table t = new Table("step", "median", "q25", "q75", "mean");
        for (int s = 0; s < steps; s++) {
            double[] sorted = rates[s].clone();
            Arrays.sort(sorted);
            median[s] = Curves.quantile(sorted, 0.5);
            lower[s] = Curves.quantile(sorted, 0.25);
            upper[s] = Curves.quantile(sorted, 0.75);
            x[s] = s;
            t.row(s, median[s], lower[s], upper[s], Arrays.stream(sorted).average().orElse(Double.NaN));
        }
        t.write(folder.resolve("effective-learning-rate.csv"));
        Figures.write(Charts.bands(Labels.of(label + ": effective learning rate along the test runs (median, "
                + "quartiles)", Charts.ITERATION, "−∂Δx_i/∂g_i"), List.of(new Band("test runs", x, median, lower,
                upper)), Scale.LINEAR, Palette.of("test runs")), figures, "effective-learning-rate");
        int peak = 0;
        for (int s = 1; s < steps; s++) {
            if (median[s] > median[peak]) {
                peak = s;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianAtFirstStep", median[0]);
        m.put("peakStep", peak);
        m.put("peakMedian", median[peak]);
        m.put("medianAtLastStep", median[steps - 1]);
        return m;
    }

    private static Map<String, Object> updateFunctions(Path folder, Path figures, RecordingRule recorder,
            FeatureLayout layout, int offset, double range, int points, String label) {
        int calls = recorder.observations.size();
        int d = layout.problemDimension();
        int dO = layout.dimension();
        int[] at = {0, calls / 4, calls / 2, calls - 1};
        Table t = new Table("step", "gradient", "update");
        List<Line> lines = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("range", range);
        List<Double> linearity = new ArrayList<>();
        for (int s : at) {
            double[] o = recorder.observations.get(s);
            double[] grid = new double[points];
            double[] batch = new double[points * dO];
            for (int k = 0; k < points; k++) {
                grid[k] = -range + 2 * range * k / (points - 1);
                System.arraycopy(o, 0, batch, k * dO, dO);
                batch[k * dO + offset] = grid[k];
            }
            double[] actions = new double[points * d];
            recorder.rule.steps(layout, points, batch, actions);
            double[] updates = new double[points];
            for (int k = 0; k < points; k++) {
                updates[k] = actions[k * d];
                t.row(s, grid[k], updates[k]);
            }
            String name = "history of step " + s;
            if (lines.stream().noneMatch(l -> l.label().equals(name))) {
                lines.add(new Line(name, grid, updates));
            }
            double slope = (updates[points / 2 + 1] - updates[points / 2 - 1]) / (grid[points / 2 + 1]
                    - grid[points / 2 - 1]);
            linearity.add(slope == 0 ? Double.NaN : (updates[points - 1] - updates[0]) / (2 * range * slope));
        }
        t.write(folder.resolve("update-functions.csv"));
        Figures.write(Charts.xy(Labels.of(label + ": step Δx₀ against the newest gradient g₀, history held",
                "newest gradient g₀", "step Δx₀"), lines, Charts.Marks.LINES, Scale.LINEAR,
                Palette.of(lines.stream().map(Line::label).toList())), figures, "update-functions");
        m.put("steps", at);
        m.put("linearityAtRangeEnd", linearity);
        return m;
    }

    /** f(x) = c·Σ_i x_i: gradient c in every coordinate, everywhere. */
    record ConstantGradient(double c, double[] start) implements Problem {
        @Override
        public int dimension() {
            return start.length;
        }

        @Override
        public double value(double[] x, int offset) {
            double s = 0;
            for (int i = 0; i < start.length; i++) {
                s += x[offset + i];
            }
            return c * s;
        }

        @Override
        public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
            Arrays.fill(gradient, gradientOffset, gradientOffset + start.length, c);
            return value(x, xOffset);
        }

        @Override
        public double[] initialPoint(int restart) {
            return start.clone();
        }

        @Override
        public String formula() {
            return "constant-gradient";
        }

        @Override
        public Map<String, Object> export() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("formula", formula());
            m.put("definition", "c * sum_i x_i");
            m.put("c", c);
            m.put("initialPoint", start.clone());
            return m;
        }
    }

    private static Map<String, Object> constantGradient(Path folder, Path figures, FeatureDrivenOptimizer optimizer,
            Problem like, Settings settings, String label, Progress.Task task) {
        double[] magnitudes = settings.constantGradients();
        Table t = new Table("c", "step", "update", "rate");
        List<Line> lines = new ArrayList<>();
        List<double[]> steady = new ArrayList<>();
        for (double magnitude : magnitudes) {
            for (int sign : new int[] {1, -1}) {
                double c = sign * magnitude;
                ProblemBatch batch = ProblemBatch.startingAt(List.of(new ConstantGradient(c, like.initialPoint(0))),
                        List.of(like.initialPoint(0)));
                OptimizerState state = optimizer.start(batch);
                double[] rate = new double[settings.steps()];
                double[] x = new double[settings.steps()];
                double previous = batch.x()[0];
                for (int s = 0; s < settings.steps(); s++) {
                    state.step();
                    double update = batch.x()[0] - previous;
                    previous = batch.x()[0];
                    rate[s] = -update / c;
                    x[s] = s + 1;
                    t.row(c, s + 1, update, rate[s]);
                }
                if (sign > 0) {
                    lines.add(new Line(String.format(java.util.Locale.ROOT, "c = %.3g", c), x, rate));
                }
                steady.add(new double[] {c, rate[rate.length - 1], timeConstant(rate)});
                task.advance(1);
            }
        }
        t.write(folder.resolve("constant-gradient.csv"));
        Figures.write(Charts.xy(Labels.of(label + ": −Δx/c on f(x) = c·Σx (constant gradient c)", Charts.ITERATION,
                "−Δx / c"), lines, Charts.Marks.LINES, Scale.LINEAR, Palette.of(lines.stream().map(Line::label)
                .toList())), figures, "constant-gradient");
        double[] positive = steady.stream().filter(r -> r[0] > 0).mapToDouble(r -> r[1]).toArray();
        double[] sizes = steady.stream().filter(r -> r[0] > 0).mapToDouble(r -> r[0]).toArray();
        Figures.write(Charts.logX(Charts.xy(Labels.of(label + ": steady-state rate against the constant gradient",
                "c", "−Δx / c at the last step"), List.of(new Line("c > 0", sizes, positive)), Charts.Marks.LINES,
                Scale.LINEAR, Palette.of("c > 0"))), figures, "constant-gradient-rates");
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        for (double[] r : steady) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("steadyRate", r[1]);
            one.put("stepsTo63Percent", r[2]);
            rows.put(Double.toString(r[0]), one);
        }
        m.put("byGradient", rows);
        m.put("spearmanSteadyRateVsC", new SpearmansCorrelation().correlation(sizes, positive));
        return m;
    }

    /** The first step at which the rate reaches 1 − 1/e of its last value (−1 if it never settles in sign). */
    static double timeConstant(double[] rate) {
        double last = rate[rate.length - 1];
        for (int s = 0; s < rate.length; s++) {
            if (last != 0 && rate[s] / last >= 1 - Math.exp(-1)) {
                return s + 1;
            }
        }
        return -1;
    }
}
