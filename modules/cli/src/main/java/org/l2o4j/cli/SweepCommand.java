package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.sweep.PointResult;
import org.l2o4j.eval.sweep.PointTraining;
import org.l2o4j.eval.sweep.SweepPoint;
import org.l2o4j.eval.sweep.SweepSummary;
import org.l2o4j.eval.sweep.SweepUnit;
import org.l2o4j.eval.sweep.TrainingPointResult;
import org.l2o4j.eval.sweep.TrainingSweepUnit;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o sweep FILE}: a comparison experiment, or a training, at every point of a sweep (a list of seeds, of
 * replicates for a training, and lists of values of its settings, crossed), each point one unit of the engine, then
 * one table and one figure across the points. An experiment's point is the whole experiment ({@link SweepUnit}); a
 * training's point trains the learned optimizer and evaluates it in the training's {@code evaluation} experiment as
 * {@code l2o evaluate --policy RUN} does ({@link TrainingSweepUnit}). The points' files are written under
 * {@code points/}; the sweep's own files beside them.
 */
@Command(name = "sweep", description = "Run an experiment, or train a learned optimizer and evaluate it, over a list "
        + "of seeds, replicates and/or setting values (one unit of the engine per point) and compare the optimizers "
        + "across the points.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a comparison experiment or a training file: a name (see 'l2o list "
            + "experiments') or a path")
    private String experiment;

    @Option(names = "--seeds", paramLabel = "S1,S2,...", split = ",", description = "root seeds, one point each: an "
            + "experiment's training and test functions; a training's training functions and its trainer's random "
            + "streams (the evaluation keeps its own seed, so every point is compared on the same held-out functions)")
    private List<Long> seeds = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "R1,R2,...", split = ",", description = "a training only: "
            + "meta-training seeds, one point each (--set replicate=R: the trainer's random choices re-drawn while the "
            + "training functions stay those of the seed); 0 is the seed's own run")
    private List<Integer> replicates = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", description = "values of a top-level key, one point each; "
            + "several --vary (and --seeds, --replicates) are crossed")
    private List<String> vary = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the file at every point")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--evaluation-set", paramLabel = "KEY=VALUE", description = "a training only: override a key of "
            + "its evaluation experiment at every point, as 'l2o evaluate --set' does, e.g. --evaluation-set "
            + "evaluateSteps=200")
    private List<String> evaluationOverrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    /** The points' results as the summary and the sweep's files take them. */
    private record Gathered(List<PointResult> results, List<PointTraining> training) {
    }

    @Override
    public Integer call() {
        Path file = Experiments.locate(experiment);
        boolean training = BoundTraining.isTraining(Experiments.readRaw(file, List.of()));
        if (!training && (!replicates.isEmpty() || !evaluationOverrides.isEmpty())) {
            throw new ConfigException((replicates.isEmpty() ? "--evaluation-set" : "--replicates") + " is for a "
                    + "training file; '" + experiment + "' is a comparison experiment");
        }
        List<List<String>> combinations = cartesian(axes());
        return training ? sweepTraining(file, combinations) : sweepExperiment(file, combinations);
    }

    private int sweepExperiment(Path file, List<List<String>> combinations) {
        List<SweepPoint> points = new ArrayList<>();
        for (List<String> combination : combinations) {
            points.add(new SweepPoint(String.join(" ", combination), combination,
                    Experiments.read(file, run.overrides(overrides), combination)));
        }
        ExperimentSpec first = points.get(0).spec();
        return sweep(first.name() + "-sweep", first.seed(), "", points, points.stream().map(SweepUnit::new).toList(),
                results -> new Gathered(results, List.of()));
    }

    /**
     * Every point's training file is bound, and its evaluation experiment read, here before anything is written or
     * run, so that a bad key or a missing evaluation ends the command in one line with nothing half-done.
     */
    private int sweepTraining(Path file, List<List<String>> combinations) {
        String command = "l2o " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        List<SweepPoint> points = new ArrayList<>();
        List<TrainingSweepUnit> units = new ArrayList<>();
        BoundTraining first = null;
        for (List<String> combination : combinations) {
            List<String> sets = run.overrides(overrides);
            Map<String, Object> raw = Experiments.readRaw(file, sets, combination);
            BoundTraining bound;
            try {
                bound = BoundTraining.bind(raw, "training file " + file);
            } catch (ConfigException e) {
                throw Experiments.blameOverride(e, sets, combination);
            }
            String evaluation = bound.header().evaluation();
            if (evaluation.isBlank()) {
                throw new ConfigException("training file " + file + " names no 'evaluation' experiment, so a sweep "
                        + "has nothing to compare its trained optimizers in; add one ('evaluation: EXPERIMENT') or "
                        + "give --set evaluation=EXPERIMENT");
            }
            SweepPoint point = new SweepPoint(String.join(" ", combination), combination,
                    Experiments.read(Experiments.locate(evaluation), run.overrides(evaluationOverrides)));
            points.add(point);
            units.add(new TrainingSweepUnit(point, raw, pointFolder(units.size()), Provenance.capture(
                    bound.header().name(), bound.header().seed(), command)));
            first = first == null ? bound : first;
        }
        String what = String.format("each point trains %s (%s) and evaluates it in %s%n", first.header().name(),
                first.header().kind(), points.get(0).spec().name());
        return sweep(first.header().name() + "-sweep", first.header().seed(), what, points, units,
                results -> new Gathered(results.stream().map(TrainingPointResult::evaluation).toList(),
                        results.stream().map(TrainingPointResult::training).toList()));
    }

    /**
     * Runs the points' units on the engine (on the local one one after another, each on the file's threads), writes
     * their files under {@code points/NNN/} and the sweep's own files, commits the folder and prints the table.
     *
     * @param what   a line saying what a point does, or empty
     * @param gather the units' results as the summary takes them
     */
    private <R extends Serializable> int sweep(String name, long seed, String what, List<SweepPoint> points,
            List<? extends Unit<R>> units, Function<List<R>, Gathered> gather) {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path done;
        SweepSummary summary;
        try (RunFolder folder = RunFolder.create(run.out, name); Engine engine = run.openEngine(1, "l2o sweep "
                + name)) {
            out.printf("writing %s%nengine: %s; %d points%n%s", Runs.quoted(folder.target().toAbsolutePath()),
                    engine.description(), points.size(), what);
            out.flush();
            Map<String, Object> provenance = Configs.toMap(Provenance.capture(name, seed,
                    "l2o " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
            provenance.put("engine", engine.description());
            folder.writeJson("provenance.json", provenance);
            Progress progress = run.noProgress ? Progress.NONE : new ProgressBars(System.err);
            Gathered gathered;
            try (Progress.Task task = progress.begin("sweep", points.size())) {
                int[] reported = {0};
                gathered = gather.apply(engine.run("sweep", units, finished -> {
                    task.advance(finished - reported[0]);
                    reported[0] = finished;
                }));
            }
            for (int p = 0; p < points.size(); p++) {
                Path point = folder.resolve(pointFolder(p));
                for (Map.Entry<String, byte[]> f : gathered.results().get(p).files().entrySet()) {
                    Path target = point.resolve(f.getKey());
                    Files.createDirectories(target.getParent());
                    AtomicFiles.write(target, tmp -> Files.write(tmp, f.getValue()));
                }
            }
            summary = SweepSummary.of(points, gathered.results(), gathered.training());
            folder.writeString("sweep.csv", SweepSummary.csv(points, gathered.results(), gathered.training()));
            folder.writeJson("sweep.json", summary.json());
            if (!gathered.training().isEmpty()) {
                folder.writeString("timing.csv", summary.timingCsv());
            }
            figure(summary, folder.resolve("figures"), name);
            done = folder.commit();
            run.writeEngineStats();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's points: " + e.getMessage(), e);
        }
        out.printf("%n%s: %d points (%s ... %s), final mean objective across points%n", name, points.size(),
                points.get(0).label(), points.get(points.size() - 1).label());
        out.print(summary.table());
        out.printf("%nrun folder: %s (%.1f s)%n", Runs.quoted(done.toAbsolutePath()),
                (System.nanoTime() - started) * 1e-9);
        out.flush();
        return 0;
    }

    /** A point's folder relative to the sweep's. */
    private static String pointFolder(int point) {
        return String.format("points/%03d", point);
    }

    /** The sweep's axes: the seeds, the replicates, then each --vary, as {@code key=value} overrides. */
    private List<List<String>> axes() {
        List<List<String>> axes = new ArrayList<>();
        if (!seeds.isEmpty()) {
            axes.add(seeds.stream().map(s -> "seed=" + s).toList());
        }
        if (!replicates.isEmpty()) {
            axes.add(replicates.stream().map(r -> "replicate=" + r).toList());
        }
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new ConfigException("--vary " + v + ": write KEY=V1,V2,..., e.g. --vary restarts=1,3");
            }
            String key = v.substring(0, eq).strip();
            axes.add(List.of(v.substring(eq + 1).split(",")).stream().map(x -> key + "=" + x.strip()).toList());
        }
        if (axes.isEmpty()) {
            throw new ConfigException("a sweep needs points: give --seeds 1,2,3, --replicates 0,1,2 (a training) "
                    + "and/or --vary KEY=V1,V2");
        }
        return axes;
    }

    private static void figure(SweepSummary s, Path folder, String name) {
        int n = s.points().size();
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            x[p] = p + 1;
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < s.labels().size(); k++) {
            lines.add(new Line(s.labels().get(k), x, s.finalMeans()[k]));
        }
        boolean positive = Arrays.stream(s.finalMeans()).flatMapToDouble(Arrays::stream).allMatch(v -> v > 0);
        List<String> legend = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            legend.add((p + 1) + " = " + s.points().get(p).label());
        }
        Figures.write(Charts.caption(Charts.xy(Labels.of(name + ": final mean objective at each point",
                "sweep point", "final mean objective"), lines, Charts.Marks.LINES, positive ? Scale.LOG : Scale.LINEAR,
                Palette.of(s.labels())), "Points: " + String.join("; ", legend)), folder, "final-mean-by-point");
    }

    private static List<List<String>> cartesian(List<List<String>> axes) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> axis : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : axis) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }
}
