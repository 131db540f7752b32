package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.eval.sweep.PointResult;
import org.l2o4j.eval.sweep.SweepPoint;
import org.l2o4j.eval.sweep.SweepSummary;
import org.l2o4j.eval.sweep.SweepUnit;
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
 * {@code l2o sweep EXPERIMENT}: the experiment at every point of a sweep (a list of seeds, and lists of values of its
 * settings, crossed), each point one unit of the engine, then one table and one figure across the points. The points'
 * run folders are written under {@code points/}; the sweep's own files beside them.
 */
@Command(name = "sweep", description = "Run an experiment over a list of seeds and/or setting values (one unit of the "
        + "engine per point) and compare the optimizers across the points.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "experiment name (see 'l2o list experiments') or file")
    private String experiment;

    @Option(names = "--seeds", paramLabel = "S1,S2,...", split = ",", description = "root seeds, one point each "
            + "(each seed samples its own training and test functions)")
    private List<Long> seeds = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", description = "values of a top-level key, one point each; "
            + "several --vary (and --seeds) are crossed")
    private List<String> vary = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key at every point")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        Path file = Experiments.locate(experiment);
        if (BoundTraining.isTraining(Experiments.readRaw(file, List.of()))) {
            throw new ConfigException("'" + experiment + "' is a training; l2o sweep runs comparison experiments");
        }
        List<List<String>> axes = new ArrayList<>();
        if (!seeds.isEmpty()) {
            axes.add(seeds.stream().map(s -> "seed=" + s).toList());
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
            throw new ConfigException("a sweep needs points: give --seeds 1,2,3 and/or --vary KEY=V1,V2");
        }
        List<SweepPoint> points = new ArrayList<>();
        for (List<String> combination : cartesian(axes)) {
            List<String> all = new ArrayList<>(run.overrides(overrides));
            all.addAll(combination);
            points.add(new SweepPoint(String.join(" ", combination), combination, Experiments.read(file, all)));
        }
        PrintWriter out = spec.commandLine().getOut();
        String name = points.get(0).spec().name() + "-sweep";
        boolean local = run.localEngine();
        long started = System.nanoTime();
        Path done;
        SweepSummary summary;
        try (RunFolder folder = RunFolder.create(run.out, name);
             Engine engine = local ? new LocalEngine(1) : run.openEngine(points.get(0).spec().threads(),
                     "l2o sweep " + name)) {
            out.printf("writing %s%nengine: %s; %d points%n", Runs.quoted(folder.target().toAbsolutePath()),
                    engine.description(), points.size());
            out.flush();
            Map<String, Object> provenance = Configs.toMap(Provenance.capture(name, points.get(0).spec().seed(),
                    "l2o " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
            provenance.put("engine", engine.description());
            folder.writeJson("provenance.json", provenance);
            Progress progress = run.noProgress ? Progress.NONE : new ProgressBars(System.err);
            List<PointResult> results;
            try (Progress.Task task = progress.begin("sweep", points.size())) {
                int[] reported = {0};
                results = engine.run("sweep", points.stream().map(SweepUnit::new).toList(), finished -> {
                    task.advance(finished - reported[0]);
                    reported[0] = finished;
                });
            }
            for (int p = 0; p < points.size(); p++) {
                Path point = folder.resolve("points/" + String.format("%03d", p));
                for (Map.Entry<String, byte[]> f : results.get(p).files().entrySet()) {
                    Path target = point.resolve(f.getKey());
                    Files.createDirectories(target.getParent());
                    AtomicFiles.write(target, tmp -> Files.write(tmp, f.getValue()));
                }
            }
            summary = SweepSummary.of(points, results);
            folder.writeString("sweep.csv", SweepSummary.csv(points, results));
            folder.writeJson("sweep.json", summary.json());
            figure(summary, folder.resolve("figures"), name);
            done = folder.commit();
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
