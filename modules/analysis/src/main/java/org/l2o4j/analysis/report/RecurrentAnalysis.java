package org.l2o4j.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.complex.Complex;
import org.l2o4j.analysis.dynamics.Curves;
import org.l2o4j.analysis.dynamics.FixedPoints;
import org.l2o4j.analysis.dynamics.LearningRateSchedule;
import org.l2o4j.analysis.dynamics.ModeMomentum;
import org.l2o4j.analysis.dynamics.MomentumReplay;
import org.l2o4j.analysis.dynamics.Pca;
import org.l2o4j.analysis.dynamics.RecurrentCell;
import org.l2o4j.analysis.dynamics.SCurve;
import org.l2o4j.analysis.dynamics.Trajectories;
import org.l2o4j.analysis.dynamics.UpdateFunctions;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;

/**
 * Every analysis of analysis.md on one trained recurrent optimizer, in the order the paper builds them: record test
 * runs, find the convergence point among fixed points started from the visited states, linearize there and read the
 * modes as momentum (with the replay check and, given the task's Hessian spectrum, the optimal heavy ball), update
 * functions at the initial state and along the state's principal components with the density of the gradients the
 * task produced, the autonomous learning-rate schedule and the S-curve of fixed points under constant gradients.
 * Numbers go to CSV/JSON files and figures to {@code figures/} (PNG and SVG) of the output folder; {@link #run}
 * returns the summary it also writes as {@code summary.json}.
 */
public final class RecurrentAnalysis {

    /**
     * What to compute.
     *
     * @param problems            test functions to record (the first ones of the list given)
     * @param steps               steps of each test run, of the replay and of the learning-rate schedule
     * @param recordedCoordinates coordinates whose states are recorded (the first ones)
     * @param fixedPointStarts    starts of the fixed-point search, taken evenly from the visited states (renn: 505)
     * @param search              the fixed-point search's settings
     * @param gradientRange       update functions on [−R, R] (renn: 0.5), also the density's range
     * @param gradientPoints      points of each update function (renn: 1,001)
     * @param components          principal components the update functions move along (renn: 4)
     * @param offsets             offsets δ along each component, evenly in [−2, 2] (renn: 7)
     * @param sCurvePoints        constant gradients of the S-curve, evenly in [−sCurveRange, sCurveRange]
     * @param sCurveRange         the largest constant gradient of the S-curve
     * @param eigenvalueRange     the task's Hessian eigenvalue range [λ_min, λ_max] for the optimal heavy ball, or null
     */
    public record Settings(int problems, int steps, int recordedCoordinates, int fixedPointStarts,
            FixedPoints.Settings search, double gradientRange, int gradientPoints, int components, int offsets,
            int sCurvePoints, double sCurveRange, double[] eigenvalueRange) {

        /** renn's values, on 32 test functions for {@code steps} steps. */
        public static Settings renn(int steps, double[] eigenvalueRange) {
            return new Settings(32, steps, 512, 505, FixedPoints.Settings.RENN, 0.5, 1001, 4, 7, 41, 0.5,
                    eigenvalueRange);
        }

        public Settings {
            if (problems < 1 || steps < 2 || recordedCoordinates < 1 || fixedPointStarts < 1 || gradientPoints < 3
                    || components < 1 || offsets < 2 || sCurvePoints < 3 || !(gradientRange > 0)
                    || !(sCurveRange > 0)) {
                throw new IllegalArgumentException("invalid analysis settings: " + this);
            }
            if (eigenvalueRange != null && (eigenvalueRange.length != 2 || !(eigenvalueRange[0] > 0)
                    || !(eigenvalueRange[1] >= eigenvalueRange[0]))) {
                throw new IllegalArgumentException("the eigenvalue range must be two numbers 0 < min <= max");
            }
        }
    }

    private static final String LEARNED = "learned optimizer";
    private static final String REPLAY = "linearized replay (all modes)";
    private static final String HEAVY_BALL = "optimal heavy ball";

    private RecurrentAnalysis() {
    }

    /**
     * Runs every analysis and writes into {@code folder} (which must exist; a staging folder the caller commits).
     *
     * @param label the optimizer's name in titles
     */
    public static Map<String, Object> run(RecurrentCell cell, List<? extends Problem> testProblems,
            Settings settings, String label, Path folder, Progress progress) {
        List<? extends Problem> problems = testProblems.subList(0, Math.min(settings.problems(),
                testProblems.size()));
        Path figures = folder.resolve("figures");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("optimizer", label);
        summary.put("testFunctions", problems.size());
        summary.put("steps", settings.steps());

        Trajectories runs;
        try (Progress.Task task = progress.begin("record test runs", 1)) {
            runs = Trajectories.record(cell, problems, settings.steps(), settings.recordedCoordinates());
            task.advance(1);
        }
        double[][] visited = runs.visitedStates();
        Pca statePca = Pca.fit(visited, Math.min(settings.components(), cell.stateSize()));
        double[] h0 = cell.initialState();

        double[][] starts = evenly(visited, settings.fixedPointStarts());
        FixedPoints.Result fixed;
        try (Progress.Task task = progress.begin("fixed points (g = 0)", settings.search().maxSteps())) {
            long[] done = {0};
            fixed = FixedPoints.search(cell, 0.0, starts, settings.search(), step -> {
                task.advance(step - done[0]);
                done[0] = step;
            });
        }
        int slowest = fixed.slowest();
        double[] convergence = fixed.points()[slowest];
        List<Integer> distinct = fixed.distinct(1e-12, 1e-3);
        writeFixedPoints(folder, fixed, slowest, statePca);
        Map<String, Object> fixedSummary = new LinkedHashMap<>();
        fixedSummary.put("starts", starts.length);
        fixedSummary.put("adamSteps", fixed.adamSteps());
        fixedSummary.put("convergencePointSpeed", fixed.speeds()[slowest]);
        fixedSummary.put("distinctFixedPoints", distinct.size());
        fixedSummary.put("updateAtConvergencePoint", cell.readout(convergence));
        summary.put("fixedPoints", fixedSummary);

        ModeMomentum modes;
        try (Progress.Task task = progress.begin("linearization and replay", 3)) {
            modes = ModeMomentum.at(cell, convergence, h0);
            task.advance(1);
            summary.put("momentum", momentum(folder, figures, modes, settings, label));
            double[][] replay = MomentumReplay.replay(modes, problems, settings.steps());
            task.advance(1);
            double[][] heavyBall = null;
            if (settings.eigenvalueRange() != null) {
                double[] opt = ModeMomentum.optimalHeavyBall(settings.eigenvalueRange()[0],
                        settings.eigenvalueRange()[1]);
                heavyBall = MomentumReplay.heavyBall(opt[0], opt[1], problems, settings.steps());
            }
            task.advance(1);
            summary.put("replay", lossCurves(folder, figures, runs.losses(), replay, heavyBall, label));
        }

        try (Progress.Task task = progress.begin("update functions", settings.components() + 1)) {
            summary.put("updateFunctions", updateFunctions(cell, folder, figures, runs, statePca, h0, settings,
                    label, task));
        }
        LearningRateSchedule schedule = LearningRateSchedule.of(cell, h0, settings.steps());
        summary.put("learningRateSchedule", schedule(folder, figures, schedule, label));
        try (Progress.Task task = progress.begin("S-curve", 1)) {
            double[] inputs = new double[settings.sCurvePoints()];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = -settings.sCurveRange() + 2 * settings.sCurveRange() * k / (inputs.length - 1);
            }
            List<SCurve.Point> points = SCurve.sweep(cell, convergence, inputs, settings.search());
            summary.put("sCurve", sCurve(folder, figures, points, label));
            task.advance(1);
        }
        trajectoriesFigure(figures, runs, statePca, label);
        Map<String, Object> pca = new LinkedHashMap<>();
        double[] explained = new double[statePca.components().length];
        for (int c = 0; c < explained.length; c++) {
            explained[c] = statePca.explained(c);
        }
        pca.put("explainedVariance", explained);
        summary.put("statePca", pca);
        org.l2o4j.core.run.AtomicFiles.writeJson(folder.resolve("summary.json"), summary);
        return summary;
    }

    /** {@code count} rows taken evenly from {@code rows} (all of them when there are fewer). */
    static double[][] evenly(double[][] rows, int count) {
        if (rows.length <= count) {
            return rows.clone();
        }
        double[][] out = new double[count][];
        for (int k = 0; k < count; k++) {
            out[k] = rows[(int) ((long) k * rows.length / count)];
        }
        return out;
    }

    private static void writeFixedPoints(Path folder, FixedPoints.Result fixed, int slowest, Pca pca) {
        Table t = new Table("index", "speed", "convergence_point", "pc1", "pc2");
        for (int i = 0; i < fixed.points().length; i++) {
            double[] p = pca.project(fixed.points()[i]);
            t.row(i, fixed.speeds()[i], i == slowest, p[0], p.length > 1 ? p[1] : 0.0);
        }
        t.write(folder.resolve("fixed-points.csv"));
    }

    private static Map<String, Object> momentum(Path folder, Path figures, ModeMomentum modes, Settings settings,
            String label) {
        int n = modes.modes().size();
        Table t = new Table("mode", "beta_re", "beta_im", "abs_beta", "alpha_re", "alpha_im", "steady_rate_re",
                "steady_rate_im");
        double[] re = new double[n];
        double[] im = new double[n];
        double[] alphaRe = new double[n];
        double[] betaRe = new double[n];
        Complex alphaSum = Complex.ZERO;
        for (int i = 0; i < n; i++) {
            Complex beta = modes.beta(i);
            Complex alpha = modes.alpha(i);
            Complex rate = modes.steadyStateRate(i);
            t.row(i, beta.getReal(), beta.getImaginary(), beta.abs(), alpha.getReal(), alpha.getImaginary(),
                    rate.getReal(), rate.getImaginary());
            re[i] = beta.getReal();
            im[i] = beta.getImaginary();
            alphaRe[i] = alpha.getReal();
            betaRe[i] = beta.getReal();
            alphaSum = alphaSum.add(alpha);
        }
        t.write(folder.resolve("eigenmodes.csv"));
        Figures.write(Charts.complexPlane(label + ": eigenvalues of the linearization at the convergence point",
                List.of(new Line("eigenvalues", re, im)), true, Palette.of("eigenvalues")), figures, "eigenvalues");
        int dominant = modes.dominant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modes", n);
        m.put("largestAbsEigenvalue", modes.beta(0).abs());
        m.put("dominantMode", dominant);
        m.put("dominantBeta", new double[] {modes.beta(dominant).getReal(), modes.beta(dominant).getImaginary()});
        m.put("dominantAlpha", new double[] {modes.alpha(dominant).getReal(), modes.alpha(dominant).getImaginary()});
        m.put("dominantSteadyRate", modes.steadyStateRate(dominant).getReal());
        m.put("sumOfAlphas", alphaSum.getReal());
        m.put("offset", modes.offset());
        List<Line> sets = new ArrayList<>();
        double[] otherBetas = new double[n - 1];
        double[] otherAlphas = new double[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != dominant) {
                otherBetas[k] = betaRe[i];
                otherAlphas[k++] = alphaRe[i];
            }
        }
        if (n > 1) {
            sets.add(new Line("other modes (real parts)", otherBetas, otherAlphas));
        }
        sets.add(new Line("dominant mode", new double[] {betaRe[dominant]}, new double[] {alphaRe[dominant]}));
        if (settings.eigenvalueRange() != null) {
            double[] opt = ModeMomentum.optimalHeavyBall(settings.eigenvalueRange()[0], settings.eigenvalueRange()[1]);
            m.put("eigenvalueRange", settings.eigenvalueRange());
            m.put("optimalAlpha", opt[0]);
            m.put("optimalBeta", opt[1]);
            m.put("optimalSteadyRate", opt[0] / (1 - opt[1]));
            sets.add(new Line("optimal heavy ball (α*, β*)", new double[] {opt[1]}, new double[] {opt[0]}));
        }
        Figures.write(Charts.xy(Labels.of(label + ": momentum per mode", "β (momentum)", "α (learning rate)"), sets,
                Charts.Marks.POINTS, Scale.LINEAR, Palette.of(sets.stream().map(Line::label).toList())), figures,
                "momentum");
        return m;
    }

    private static Map<String, Object> lossCurves(Path folder, Path figures, double[][] learned, double[][] replay,
            double[][] heavyBall, String label) {
        int steps = learned[0].length;
        double[] lm = Curves.mean(learned);
        double[] ls = Curves.std(learned);
        double[] rm = Curves.mean(replay);
        double[] rs = Curves.std(replay);
        double[] hm = heavyBall == null ? null : Curves.mean(heavyBall);
        double[] hs = heavyBall == null ? null : Curves.std(heavyBall);
        Table t = new Table("step", "learned_mean", "learned_std", "replay_mean", "replay_std", "heavy_ball_mean",
                "heavy_ball_std");
        double worst = 0;
        for (int s = 0; s < steps; s++) {
            t.row(s, lm[s], ls[s], rm[s], rs[s], hm == null ? "" : hm[s], hs == null ? "" : hs[s]);
            if (lm[s] > 0 && rm[s] > 0) {
                worst = Math.max(worst, Math.abs(Math.log10(rm[s] / lm[s])));
            }
        }
        t.write(folder.resolve("loss-curves.csv"));
        List<Band> bands = new ArrayList<>();
        bands.add(Band.symmetric(LEARNED, steps(steps), lm, ls));
        bands.add(Band.symmetric(REPLAY, steps(steps), rm, rs));
        if (hm != null) {
            bands.add(Band.symmetric(HEAVY_BALL, steps(steps), hm, hs));
        }
        Figures.write(Charts.bands(Labels.of(label + ": test loss, mean ± std over functions", Charts.ITERATION,
                Charts.OBJECTIVE), bands, Scale.LOG, Palette.of(bands.stream().map(Band::label).toList())), figures,
                "replay");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learnedFinalMean", lm[steps - 1]);
        m.put("replayFinalMean", rm[steps - 1]);
        m.put("learnedMeanOverSteps", mean(lm));
        m.put("replayMeanOverSteps", mean(rm));
        m.put("largestLog10RatioReplayToLearned", worst);
        if (hm != null) {
            m.put("heavyBallFinalMean", hm[steps - 1]);
            m.put("heavyBallMeanOverSteps", mean(hm));
        }
        return m;
    }

    private static Map<String, Object> updateFunctions(RecurrentCell cell, Path folder, Path figures,
            Trajectories runs, Pca pca, double[] h0, Settings settings, String label, Progress.Task task) {
        double[] grid = UpdateFunctions.grid(settings.gradientRange(), settings.gradientPoints());
        Table t = new Table("curve", "component", "offset", "gradient", "update");
        Table rates = new Table("curve", "component", "offset", "rate");
        UpdateFunctions.Curve initial = UpdateFunctions.at(cell, h0, grid, "h0");
        addCurve(t, rates, initial, 0, 0.0);
        Figures.write(Charts.xy(Labels.of(label + ": update function at the initial state", "gradient g",
                "update Δx"), List.of(new Line("h0", initial.gradients(), initial.updates())), Charts.Marks.LINES,
                Scale.LINEAR, Palette.of("h0")), figures, "update-function-h0");
        task.advance(1);
        for (int c = 0; c < pca.components().length; c++) {
            List<Line> lines = new ArrayList<>();
            for (int k = 0; k < settings.offsets(); k++) {
                double delta = -2 + 4.0 * k / (settings.offsets() - 1);
                String name = String.format(java.util.Locale.ROOT, "h0 %+.2f PC%d", delta, c + 1);
                UpdateFunctions.Curve curve = UpdateFunctions.at(cell, UpdateFunctions.shifted(h0,
                        pca.components()[c], delta), grid, name);
                addCurve(t, rates, curve, c + 1, delta);
                lines.add(new Line(name, curve.gradients(), curve.updates()));
            }
            Figures.write(Charts.xy(Labels.of(label + ": update functions along PC" + (c + 1), "gradient g",
                    "update Δx"), lines, Charts.Marks.LINES, Scale.LINEAR,
                    Palette.of(lines.stream().map(Line::label).toList())), figures, "update-functions-pc" + (c + 1));
            task.advance(1);
        }
        t.write(folder.resolve("update-functions.csv"));
        rates.write(folder.resolve("update-function-rates.csv"));

        double[][] met = runs.allGradients();
        int bins = 101;
        double width = 2 * settings.gradientRange() / bins;
        double[] counts = new double[bins];
        long total = 0;
        long outside = 0;
        for (double[] row : met) {
            for (double g : row) {
                total++;
                int bin = (int) Math.floor((g + settings.gradientRange()) / width);
                if (bin < 0 || bin >= bins || !Double.isFinite(g)) {
                    outside++;
                } else {
                    counts[bin]++;
                }
            }
        }
        double[] centers = new double[bins];
        Table density = new Table("gradient", "density");
        for (int b = 0; b < bins; b++) {
            centers[b] = -settings.gradientRange() + (b + 0.5) * width;
            counts[b] /= total * width;
            density.row(centers[b], counts[b]);
        }
        density.write(folder.resolve("gradient-density.csv"));
        Figures.write(Charts.xy(Labels.of(label + ": density of the gradients met in the test runs", "gradient g",
                "density"), List.of(new Line("test runs", centers, counts)), Charts.Marks.LINES, Scale.LINEAR,
                Palette.of("test runs")), figures, "gradient-density");

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rateAtInitialState", initial.rate());
        m.put("gradientRange", settings.gradientRange());
        m.put("fractionOfGradientsOutsideRange", (double) outside / total);
        Map<String, Object> linearity = new LinkedHashMap<>();
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double g = Curves.absoluteQuantile(met, q);
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("absGradient", g);
            at.put("linearity", g > 0 ? UpdateFunctions.linearity(cell, h0, g) : 1.0);
            linearity.put("quantile" + Math.round(q * 100), at);
        }
        m.put("linearityAtInitialState", linearity);
        m.put("linearityAtRangeEnd", UpdateFunctions.linearity(cell, h0, settings.gradientRange()));
        return m;
    }

    private static void addCurve(Table t, Table rates, UpdateFunctions.Curve curve, int component, double delta) {
        for (int k = 0; k < curve.gradients().length; k++) {
            t.row('"' + curve.label() + '"', component, delta, curve.gradients()[k], curve.updates()[k]);
        }
        rates.row('"' + curve.label() + '"', component, delta, curve.rate());
    }

    private static Map<String, Object> schedule(Path folder, Path figures, LearningRateSchedule schedule,
            String label) {
        double[] rates = schedule.rates();
        Table t = new Table("step", "rate");
        for (int s = 0; s < rates.length; s++) {
            t.row(s, rates[s]);
        }
        t.write(folder.resolve("learning-rate-schedule.csv"));
        Figures.write(Charts.xy(Labels.of(label + ": effective learning rate of the autonomous dynamics",
                Charts.ITERATION, "−∂Δx/∂g at g = 0"), List.of(new Line("h ← F(h, 0)", steps(rates.length), rates)),
                Charts.Marks.LINES, Scale.LINEAR, Palette.of("h ← F(h, 0)")), figures, "learning-rate-schedule");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initialRate", rates[0]);
        m.put("peakStep", schedule.peakStep());
        m.put("peakRate", rates[schedule.peakStep()]);
        m.put("finalRate", rates[rates.length - 1]);
        m.put("decaySlope", schedule.decay()[0]);
        m.put("decayR2", schedule.decay()[2]);
        return m;
    }

    private static Map<String, Object> sCurve(Path folder, Path figures, List<SCurve.Point> points, String label) {
        double[][] states = points.stream().map(SCurve.Point::state).toArray(double[][]::new);
        Pca pca = Pca.fit(states, 2);
        Table t = new Table("gradient", "speed", "update", "steady_rate", "rate", "pc1", "pc2");
        List<double[]> negative = new ArrayList<>();
        List<double[]> positive = new ArrayList<>();
        double worstSpeed = 0;
        for (SCurve.Point p : points) {
            double[] xy = pca.project(p.state());
            t.row(p.input(), p.speed(), p.update(), p.steadyRate(), p.rate(), xy[0], xy.length > 1 ? xy[1] : 0.0);
            (p.input() < 0 ? negative : positive).add(xy);
            worstSpeed = Math.max(worstSpeed, p.speed());
        }
        t.write(folder.resolve("s-curve.csv"));
        List<Line> arms = List.of(arm("g < 0", negative), arm("g ≥ 0", positive));
        Figures.write(Charts.xy(Labels.of(label + ": fixed points under constant gradients (PCA plane)", "PC1",
                "PC2"), arms, Charts.Marks.POINTS, Scale.LINEAR, Palette.of("g < 0", "g ≥ 0")), figures, "s-curve");
        double[] g = points.stream().mapToDouble(SCurve.Point::input).toArray();
        double[] steady = points.stream().mapToDouble(SCurve.Point::steadyRate).toArray();
        double[] local = points.stream().mapToDouble(SCurve.Point::rate).toArray();
        Figures.write(Charts.xy(Labels.of(label + ": learning rate at the fixed point of a constant gradient",
                "constant gradient g", "learning rate"), List.of(new Line("steady state −Δx*/g", g, steady),
                new Line("local −∂Δx/∂g", g, local)), Charts.Marks.LINES, Scale.LINEAR,
                Palette.of("steady state −Δx*/g", "local −∂Δx/∂g")), figures, "s-curve-rates");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points.size());
        m.put("fixedPointsFound", SCurve.converged(points));
        m.put("largestSpeed", worstSpeed);
        m.put("spearmanRateVsAbsGradientPositiveArm", SCurve.adaptation(points, 1));
        m.put("spearmanRateVsAbsGradientNegativeArm", SCurve.adaptation(points, -1));
        m.put("steadyRateAtSmallestPositive", points.stream().filter(p -> p.input() > 0).findFirst()
                .map(SCurve.Point::steadyRate).orElse(Double.NaN));
        m.put("steadyRateAtLargestPositive", points.get(points.size() - 1).steadyRate());
        m.put("explainedVariancePc1Pc2", new double[] {pca.explained(0), pca.explained(1)});
        return m;
    }

    private static Line arm(String label, List<double[]> xy) {
        return new Line(label, xy.stream().mapToDouble(p -> p[0]).toArray(),
                xy.stream().mapToDouble(p -> p.length > 1 ? p[1] : 0.0).toArray());
    }

    private static void trajectoriesFigure(Path figures, Trajectories runs, Pca pca, String label) {
        int coordinates = Math.min(8, runs.states()[0].length);
        List<Line> lines = new ArrayList<>();
        for (int c = 0; c < coordinates; c++) {
            double[] x = new double[runs.states().length];
            double[] y = new double[runs.states().length];
            for (int t = 0; t < x.length; t++) {
                double[] p = pca.project(runs.states()[t][c]);
                x[t] = p[0];
                y[t] = p.length > 1 ? p[1] : 0.0;
            }
            lines.add(new Line("coordinate " + c, x, y));
        }
        Figures.write(Charts.xy(Labels.of(label + ": state trajectories on the top two PCs", "PC1", "PC2"), lines,
                Charts.Marks.LINES, Scale.LINEAR, Palette.of(lines.stream().map(Line::label).toList())), figures,
                "state-trajectories");
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x / v.length;
        }
        return s;
    }
}
