package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.experiment.FigureMaker;
import org.l2o4j.eval.results.OptimizerSummary;
import org.l2o4j.eval.results.OptimizerSummary.PerStep;
import org.l2o4j.eval.results.PairedDifference;
import org.l2o4j.eval.results.Profiles;
import org.l2o4j.eval.results.Suboptimality;
import org.l2o4j.eval.results.Timing;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Contour;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Grid;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.PlaneTrajectory;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;
import org.l2o4j.plot.charts.ContourCharts;

/**
 * The figures of a comparison: mean and median objective per iteration with 95 % bands (log scale); suboptimality
 * f − f* with median and quartiles (log scale); the first competitor minus each other, paired per function, with 95 %
 * intervals; mean and median margin of victory (Li &amp; Malik Fig. a); performance and data profiles at each
 * tolerance; example test functions (Fig. b, c); objective against wall-clock seconds and against function
 * evaluations; and for 2-D families the contour of the first test function with each optimizer's trajectory.
 */
final class ExperimentFigures implements FigureMaker {

    private static final int CONTOUR_RESOLUTION = 200;

    @Override
    public void draw(ExperimentOutcome o, Path folder) {
        List<String> labels = o.labels();
        Palette palette = Palette.of(labels);
        String family = o.spec().family();
        int runs = o.summaries().get(0).runs();
        List<Band> means = new ArrayList<>();
        List<Band> medians = new ArrayList<>();
        List<Band> margins = new ArrayList<>();
        List<Band> marginMedians = new ArrayList<>();
        List<Band> suboptimality = new ArrayList<>();
        List<Band> wall = new ArrayList<>();
        List<Band> evaluations = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            OptimizerSummary s = o.summaries().get(a);
            means.add(band(labels.get(a), s.mean()));
            medians.add(band(labels.get(a), s.median()));
            margins.add(band(labels.get(a), s.margin()));
            marginMedians.add(band(labels.get(a), s.marginMedian()));
            Suboptimality q = o.suboptimality().get(a);
            suboptimality.add(Band.overIterations(labels.get(a), q.median(), q.lower(), q.upper()));
            Timing t = o.timings().get(a);
            wall.add(new Band(labels.get(a), t.cumulativeSeconds(), s.mean().estimate(), s.mean().low(),
                    s.mean().high()));
            evaluations.add(new Band(labels.get(a), s.valueEvaluations(), s.mean().estimate(), s.mean().low(),
                    s.mean().high()));
        }
        String where = family + ", " + runs + " test runs";
        Figures.write(Charts.objectiveVsIteration("Mean objective (95% CI), " + where, means, Scale.LOG, palette),
                folder, "objective-mean");
        Figures.write(Charts.objectiveVsIteration("Median objective (95% CI), " + where, medians, Scale.LOG, palette),
                folder, "objective-median");
        Figures.write(Charts.caption(Charts.gapToBestVsIteration("Median suboptimality (quartile bands), " + where,
                suboptimality, palette), "f* per test function: " + o.bestKnown().describe() + "."), folder,
                "suboptimality");
        Figures.write(Charts.marginOfVictory("Mean margin of victory (95% CI), " + where, margins, palette), folder,
                "margin-of-victory");
        Figures.write(Charts.marginOfVictory("Median margin of victory (95% CI), " + where, marginMedians, palette),
                folder, "margin-of-victory-median");
        if (labels.size() > 1) {
            List<Band> paired = new ArrayList<>();
            for (PairedDifference d : PairedDifference.of(labels, o.results(), o.runProblem())) {
                paired.add(Band.overIterations(d.against(), d.mean(), d.low(), d.high()));
            }
            Figures.write(Charts.pairedDifferences(labels.get(0) + " minus each (paired, 95% CI), " + where,
                    labels.get(0), paired, palette), folder, "paired-differences");
        }
        drawProfiles(o, palette, where, folder);
        Figures.write(Charts.objectiveVsWallClock("Mean objective vs wall-clock, " + where, wall, Scale.LOG, palette),
                folder, "objective-vs-wallclock");
        Figures.write(Charts.bands(Labels.of("Mean objective vs function evaluations, " + where,
                "function evaluations (mean over runs)", Charts.OBJECTIVE), evaluations, Scale.LOG, palette), folder,
                "objective-vs-evaluations");
        int examples = Math.min(o.spec().examples(), o.testProblems().size());
        for (int e = 0; e < examples; e++) {
            int run = firstRunOf(o, e);
            List<Line> lines = new ArrayList<>();
            for (int a = 0; a < labels.size(); a++) {
                lines.add(Line.overIterations(labels.get(a), o.results().get(a).objective()[run]));
            }
            Figures.write(Charts.exampleProblem("Test function " + e + " (" + family + ")", lines, Scale.LOG,
                    palette), folder, "example-" + e);
        }
        if (o.testProblems().get(0).dimension() == 2 && o.results().get(0).iterates() != null) {
            drawContour(o, palette, folder);
        }
    }

    /** Performance and data profiles at each tolerance of {@link Profiles#TOLERANCES} (powers of ten). */
    private static void drawProfiles(ExperimentOutcome o, Palette palette, String where, Path folder) {
        int d = o.testProblems().get(0).dimension();
        for (Profiles.AtTolerance p : Profiles.of(o.labels(), o.results(), o.runProblem(), o.bestKnown().value(), d)) {
            String tolerance = "1e" + Math.round(Math.log10(p.tolerance()));
            String test = "solved: f ≤ f* + " + tolerance + "·(f₀ − f*); f* " + o.bestKnown().describe()
                    + "; cost: function evaluations, a Hessian counted as d = " + d + ".";
            Figures.write(Charts.caption(Charts.performanceProfile("Performance profile, τ = " + tolerance + ", "
                    + where, lines(p.performance()), palette), test), folder, "performance-profile-" + tolerance);
            Figures.write(Charts.caption(Charts.dataProfile("Data profile, τ = " + tolerance + ", " + where,
                    "function evaluations", lines(p.data()), palette), test), folder, "data-profile-" + tolerance);
        }
    }

    private static List<Line> lines(List<Profiles.Curve> curves) {
        return curves.stream().map(c -> new Line(c.label(), c.x(), c.fraction())).toList();
    }

    private static Band band(String label, PerStep p) {
        return Band.overIterations(label, p.estimate(), p.low(), p.high());
    }

    private static int firstRunOf(ExperimentOutcome o, int problem) {
        for (int r = 0; r < o.runProblem().length; r++) {
            if (o.runProblem()[r] == problem) {
                return r;
            }
        }
        throw new IllegalStateException("test function " + problem + " has no run");
    }

    /** Trajectories on the first test function, over a window that holds them all (diverged points left out). */
    private static void drawContour(ExperimentOutcome o, Palette palette, Path folder) {
        Problem p = o.testProblems().get(0);
        int run = firstRunOf(o, 0);
        List<PlaneTrajectory> paths = new ArrayList<>();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < o.labels().size(); a++) {
            RolloutResult r = o.results().get(a);
            int end = r.divergedAt()[run] >= 0 ? r.divergedAt()[run] : r.steps() + 1;
            double[][] points = new double[end][];
            for (int t = 0; t < end; t++) {
                points[t] = r.iterates()[run][t];
                xMin = Math.min(xMin, points[t][0]);
                xMax = Math.max(xMax, points[t][0]);
                yMin = Math.min(yMin, points[t][1]);
                yMax = Math.max(yMax, points[t][1]);
            }
            paths.add(new PlaneTrajectory(o.labels().get(a), points));
        }
        double padX = 0.15 * Math.max(xMax - xMin, 0.5);
        double padY = 0.15 * Math.max(yMax - yMin, 0.5);
        Grid grid = new Grid(xMin - padX, xMax + padX, yMin - padY, yMax + padY, CONTOUR_RESOLUTION);
        Contour contour = Contour.of("Trajectories on test function 0 (" + o.spec().family() + ")",
                (x, y) -> p.value(new double[] {x, y}), grid).withTransform(v -> Math.log10(Math.max(v, 0) + 1e-12), "log10(f + 1e-12)");
        Figures.write(ContourCharts.contour(contour, paths, palette), folder, "trajectories");
    }
}
