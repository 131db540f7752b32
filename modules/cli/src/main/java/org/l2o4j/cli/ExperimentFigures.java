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
 * The figures of a comparison: mean and median objective per iteration with 95 % bands (log scale), margin of victory
 * (Li &amp; Malik Fig. a), example test functions (Fig. b, c), objective against wall-clock seconds and against
 * function evaluations, and for 2-D families the contour of the first test function with each optimizer's
 * trajectory.
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
        List<Band> wall = new ArrayList<>();
        List<Band> evaluations = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            OptimizerSummary s = o.summaries().get(a);
            means.add(band(labels.get(a), s.mean()));
            medians.add(band(labels.get(a), s.median()));
            margins.add(band(labels.get(a), s.margin()));
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
        Figures.write(Charts.marginOfVictory("Mean margin of victory (95% CI), " + where, margins, palette), folder,
                "margin-of-victory");
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
