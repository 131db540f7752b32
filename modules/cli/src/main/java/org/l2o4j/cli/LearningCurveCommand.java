package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.eval.curve.HeldOutScore;
import org.l2o4j.eval.curve.LearningCurve;
import org.l2o4j.eval.curve.TrainingLog;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o learning-curve}: every checkpoint the given training runs kept, scored on the held-out functions of
 * their comparison experiment, against the problem-steps (and wall-clock) each run had spent; runs of the same
 * training file (its {@code name}, e.g. the replicates of one trainer) are one line with a band over them. Writes
 * {@code checkpoints.csv} (one row per checkpoint), {@code curves.csv} (the lines) and the figures.
 */
@Command(name = "learning-curve", description = "Score every kept checkpoint of training runs on the held-out "
        + "functions and plot the score against the meta-training budget spent (one line per trainer, a band over "
        + "its seeds).")
final class LearningCurveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_FOLDER", description = "training run folders (keepEvery > 0 keeps "
            + "their intermediate checkpoints)")
    private List<Path> runs;

    @Option(names = "--experiment", paramLabel = "EXPERIMENT", description = "comparison experiment (a name or a "
            + "file) whose test split scores the checkpoints (default: the runs' 'evaluation', which must agree); "
            + "a file whose testSplit is another split scores that one, and the output says so")
    private String experiment;

    @Option(names = "--at", split = ",", paramLabel = "T", description = "held-out steps to score (default: 40,100)")
    private List<Integer> at = List.of(40, 100);

    @Option(names = "--out", paramLabel = "DIR", description = "root of the run folders (default: ${DEFAULT-VALUE})",
            defaultValue = "runs")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (results do not depend on it; "
            + "default: ${DEFAULT-VALUE})", defaultValue = "2")
    private int threads;

    @Option(names = "--reference", paramLabel = "RUN_FOLDER", description = "a comparison run on the same held-out "
            + "functions (l2o reproduce/compare/evaluate) whose optimizers' mean objective at each T is drawn as a "
            + "flat reference line")
    private Path reference;

    @Option(names = "--reference-only", split = ",", paramLabel = "LABEL", description = "draw only these "
            + "optimizers of the reference run (default: all)")
    private List<String> referenceOnly;

    @Option(names = "--gap-to", paramLabel = "LABEL", description = "also draw each curve minus this reference "
            + "optimizer's value on a log axis (e.g. lbfgs): the gap that the plain objective's scale hides")
    private String gapTo;

    @Option(names = "--no-progress", description = "do not draw a progress bar")
    private boolean noProgress;

    /** A run's checkpoints, bound to its trainer. */
    private record Run(Path folder, String trainer, int replicate, List<TrainingFolder.Checkpoint> checkpoints,
            List<TrainedOptimizer> optimizers, TrainingLog log) {
    }

    /** One checkpoint to score: its run and index. */
    private record Job(Run run, int index) {
    }

    /**
     * How tables, titles and file names call the scored functions: "held-out" for the experiment's test split, the
     * split's name otherwise (an experiment file may score the training functions, to choose a checkpoint on them).
     */
    private record Scored(String phrase, String title, String file) {
        static Scored of(ExperimentSpec e) {
            String split = e.testSplit();
            return "test".equals(split) ? new Scored("held-out", "Held-out mean objective", "held-out")
                    : new Scored("split '" + split + "'", "Mean objective on split '" + split + "'", "split-" + split);
        }
    }

    @Override
    public Integer call() {
        if (at.stream().anyMatch(t -> t < 0)) {
            throw new ConfigException("--at takes steps >= 0, got " + at);
        }
        if (gapTo != null && reference == null) {
            throw new ConfigException("--gap-to needs --reference, the run that holds " + gapTo + "'s values");
        }
        if (threads < 1) {
            throw new ConfigException("--threads must be >= 1, got " + threads);
        }
        int[] steps = at.stream().mapToInt(Integer::intValue).toArray();
        List<Run> bound = new ArrayList<>();
        String name = experiment;
        for (Path folder : runs) {
            BoundTraining b = BoundTraining.bind(TrainingFolder.readFile(folder), "the training file of " + folder);
            List<TrainingFolder.Checkpoint> checkpoints = TrainingFolder.checkpointsOf(folder);
            if (checkpoints.isEmpty()) {
                throw new ConfigException(folder + " has no checkpoint yet; train it further ('l2o train --resume "
                        + folder + "')");
            }
            if (experiment == null) {
                String own = b.header().evaluation();
                if (own == null || own.isEmpty()) {
                    throw new ConfigException(folder + "'s training file names no 'evaluation'; name the comparison "
                            + "experiment with --experiment");
                }
                if (name != null && !name.equals(own)) {
                    throw new ConfigException("the runs name different evaluations ('" + name + "' and '" + own
                            + "'); choose one with --experiment");
                }
                name = own;
            }
            bound.add(new Run(folder, b.header().name(), b.header().replicate(), checkpoints,
                    checkpoints.stream().map(c -> b.trainer().trainedOptimizer(c)).toList(), TrainingLog.read(folder)));
        }
        ExperimentSpec evaluation = Experiments.read(Experiments.locate(name), List.of());
        List<Problem> test = Catalog.family(evaluation.family(), evaluation.familyConfig())
                .problems(evaluation.testSplit(), evaluation.seed());
        List<Job> jobs = new ArrayList<>();
        for (Run r : bound) {
            for (int i = 0; i < r.checkpoints().size(); i++) {
                jobs.add(new Job(r, i));
            }
        }
        Map<String, double[]> refs = references(steps, evaluation);
        Progress progress = noProgress ? Progress.NONE : new ProgressBars(System.err);
        List<LearningCurve.Point> points;
        try (var task = progress.begin("score checkpoints", jobs.size())) {
            points = ParallelMap.map(jobs.size(), threads, k -> {
                Job j = jobs.get(k);
                TrainedOptimizer o = j.run().optimizers().get(j.index());
                TrainingFolder.Checkpoint c = j.run().checkpoints().get(j.index());
                HeldOutScore score = HeldOutScore.of(Catalog.optimizer(o.optimizer(), o.hyperparameters()), test,
                        evaluation.restarts(), steps);
                task.advance(1);
                return new LearningCurve.Point(j.run().log().problemStepsAt(c.logRows()),
                        j.run().log().wallSecondsAt(c.logRows()), score);
            });
        }
        Map<String, List<List<LearningCurve.Point>>> byTrainer = new LinkedHashMap<>();
        int k = 0;
        for (Run r : bound) {
            byTrainer.computeIfAbsent(r.trainer(), t -> new ArrayList<>())
                    .add(points.subList(k, k + r.checkpoints().size()));
            k += r.checkpoints().size();
        }
        List<LearningCurve> curves = byTrainer.entrySet().stream()
                .map(e -> LearningCurve.across(e.getKey(), e.getValue())).toList();
        Scored scored = Scored.of(evaluation);
        Path done;
        try (RunFolder run = RunFolder.create(out, "learning-curve")) {
            run.writeJson("provenance.json", Provenance.capture("learning-curve", evaluation.seed(),
                    "l2o " + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("experiment", evaluation.name());
            config.put("split", evaluation.testSplit());
            config.put("testFunctions", test.size());
            config.put("restarts", evaluation.restarts());
            config.put("at", at);
            config.put("runs", runs.stream().map(p -> p.toAbsolutePath().toString()).toList());
            run.writeString("config.yaml", Configs.toYaml(config));
            run.writeString("checkpoints.csv", checkpointsCsv(jobs, points, steps));
            run.writeString("curves.csv", curvesCsv(curves));
            figures(curves, refs, evaluation, scored, test.size(), run.resolve("figures"));
            if (gapTo != null) {
                gapFigures(curves, refs, evaluation, scored, test.size(), run.resolve("figures"));
            }
            done = run.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %s mean objective (%d functions of %s) at the last checkpoint, mean over seeds "
                + "(lowest-highest)%n", evaluation.name(), scored.phrase(), test.size(),
                evaluation.family());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-34s %5s %13s %10s", "trainer", "seeds",
                "problem-steps", "seconds"));
        for (int t : steps) {
            head.append(String.format(Locale.ROOT, " %28s", "t = " + t));
        }
        w.println(head);
        for (LearningCurve c : curves) {
            int last = c.problemSteps().length - 1;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s %5d %13.0f %10.1f", c.trainer(),
                    c.seeds(), c.problemSteps()[last], c.wallSeconds()[last]));
            for (int j = 0; j < steps.length; j++) {
                row.append(String.format(Locale.ROOT, " %28s", String.format(Locale.ROOT, "%.4g (%.4g-%.4g)",
                        c.mean()[j][last], c.low()[j][last], c.high()[j][last])));
            }
            w.println(row);
        }
        w.printf("%nrun folder: %s%n", done.toAbsolutePath());
        w.flush();
        return 0;
    }

    /**
     * Per scored step: each curve (and each other reference) minus the {@code --gap-to} optimizer's value, against
     * problem-steps, on a log axis; a point at or below the reference (a gap ≤ 0) cannot be drawn there and is
     * left out, as the caption says.
     */
    private void gapFigures(List<LearningCurve> curves, Map<String, double[]> references, ExperimentSpec evaluation,
            Scored scored, int functions, Path folder) {
        for (int j = 0; j < curves.get(0).steps().length; j++) {
            int t = curves.get(0).steps()[j];
            double base = references.get(gapTo)[j];
            List<Band> gaps = new ArrayList<>();
            for (LearningCurve c : curves) {
                gaps.add(new Band(c.trainer() + " (" + c.seeds() + (c.seeds() == 1 ? " seed)" : " seeds)"),
                        c.problemSteps(), shift(c.mean()[j], base), shift(c.low()[j], base),
                        shift(c.high()[j], base)));
            }
            Map<String, double[]> shifted = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : references.entrySet()) {
                if (!e.getKey().equals(gapTo)) {
                    double[] v = e.getValue().clone();
                    v[j] -= base;
                    shifted.put(e.getKey(), v);
                }
            }
            addReferences(gaps, shifted, j);
            String title = String.format(Locale.ROOT, "%s minus tuned %s's at t = %d (%d functions of %s); gaps "
                    + "<= 0 not drawn", scored.title(), gapTo, t, functions, evaluation.name());
            Figures.write(Charts.bands(Labels.of(title, "meta-training problem-steps spent", "objective value − "
                    + gapTo + "'s"), gaps, Scale.LOG, Palette.of(gaps.stream().map(Band::label).toList())), folder,
                    scored.file() + "-t" + t + "-gap-to-" + gapTo + "-vs-problem-steps");
        }
    }

    private static double[] shift(double[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] - by;
        }
        return out;
    }

    /** Each reference optimizer's value at scored step j as a flat line over the bands' x range. */
    private static void addReferences(List<Band> bands, Map<String, double[]> references, int j) {
        if (bands.isEmpty()) {
            return;
        }
        double lo = bands.stream().flatMapToDouble(b -> Arrays.stream(b.x())).min().orElseThrow();
        double hi = bands.stream().flatMapToDouble(b -> Arrays.stream(b.x())).max().orElseThrow();
        references.forEach((label, at) -> {
            double[] y = {at[j], at[j]};
            bands.add(new Band(label + " (tuned, reference)", new double[] {lo, hi}, y, y, y));
        });
    }

    private static String checkpointsCsv(List<Job> jobs, List<LearningCurve.Point> points, int[] steps) {
        StringBuilder sb = new StringBuilder("trainer,replicate,run,checkpoint,problem_steps,wall_seconds,diverged,"
                + "runs");
        for (int t : steps) {
            sb.append(",mean_t").append(t);
        }
        sb.append('\n');
        for (int k = 0; k < jobs.size(); k++) {
            Job j = jobs.get(k);
            LearningCurve.Point p = points.get(k);
            sb.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%.3f,%d,%d", j.run().trainer(), j.run().replicate(),
                    j.run().folder().toAbsolutePath(), j.run().checkpoints().get(j.index()).directory().getFileName(),
                    p.problemSteps(), p.wallSeconds(), p.score().diverged(), p.score().runs()));
            for (double m : p.score().mean()) {
                sb.append(',').append(String.format(Locale.ROOT, "%.17g", m));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String curvesCsv(List<LearningCurve> curves) {
        StringBuilder sb = new StringBuilder("trainer,seeds,checkpoint_index,problem_steps,wall_seconds,t,mean,lowest,"
                + "highest\n");
        for (LearningCurve c : curves) {
            for (int j = 0; j < c.steps().length; j++) {
                for (int i = 0; i < c.problemSteps().length; i++) {
                    sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.3f,%d,%.17g,%.17g,%.17g%n", c.trainer(),
                            c.seeds(), i, c.problemSteps()[i], c.wallSeconds()[i], c.steps()[j], c.mean()[j][i],
                            c.low()[j][i], c.high()[j][i]));
                }
            }
        }
        return sb.toString();
    }

    /**
     * The reference run's optimizers and their mean objective at each scored step, from its {@code summary.json};
     * empty without {@code --reference}.
     */
    private Map<String, double[]> references(int[] steps, ExperimentSpec evaluation) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (reference == null) {
            return out;
        }
        Path file = reference.resolve("summary.json");
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); --reference takes the run "
                    + "folder of a comparison (l2o reproduce, compare or evaluate)", e);
        }
        if (!evaluation.family().equals(root.path("family").asText())
                || root.path("testFunctions").asInt() != Catalog.family(evaluation.family(),
                        evaluation.familyConfig()).problems(evaluation.testSplit(), evaluation.seed()).size()) {
            throw new ConfigException(reference + " is not a comparison on the held-out functions of '"
                    + evaluation.name() + "' (family " + root.path("family").asText() + ", "
                    + root.path("testFunctions").asInt() + " test functions)");
        }
        for (JsonNode o : root.path("optimizers")) {
            JsonNode estimate = o.path("mean").path("estimate");
            double[] at = new double[steps.length];
            for (int j = 0; j < steps.length; j++) {
                if (steps[j] >= estimate.size()) {
                    throw new ConfigException(reference + " ran " + (estimate.size() - 1) + " steps, fewer than t = "
                            + steps[j]);
                }
                at[j] = estimate.get(steps[j]).asDouble(Double.NaN);
            }
            String label = o.path("label").asText();
            if (referenceOnly == null || referenceOnly.contains(label) || label.equals(gapTo)) {
                out.put(label, at);
            }
        }
        for (String wanted : referenceOnly == null ? List.<String>of() : referenceOnly) {
            if (!out.containsKey(wanted)) {
                throw new ConfigException(reference + " has no optimizer '" + wanted + "'; it has "
                        + root.path("optimizers").findValuesAsText("label"));
            }
        }
        if (gapTo != null && !out.containsKey(gapTo)) {
            throw new ConfigException("--gap-to " + gapTo + ": " + reference + " has no such optimizer; it has "
                    + root.path("optimizers").findValuesAsText("label"));
        }
        return out;
    }

    /**
     * Per scored step: the held-out score against problem-steps, and against wall-clock where the logs time it, with
     * the reference optimizers as flat lines across the x range.
     */
    private static void figures(List<LearningCurve> curves, Map<String, double[]> references,
            ExperimentSpec evaluation, Scored scored, int functions, Path folder) {
        for (int j = 0; j < curves.get(0).steps().length; j++) {
            int t = curves.get(0).steps()[j];
            String title = String.format(Locale.ROOT, "%s at t = %d (%d functions of %s), seed mean and range",
                    scored.title(), t, functions, evaluation.name());
            List<Band> bySteps = new ArrayList<>();
            List<Band> byClock = new ArrayList<>();
            for (LearningCurve c : curves) {
                String label = c.trainer() + " (" + c.seeds() + (c.seeds() == 1 ? " seed)" : " seeds)");
                bySteps.add(new Band(label, c.problemSteps(), c.mean()[j], c.low()[j], c.high()[j]));
                if (Arrays.stream(c.wallSeconds()).allMatch(Double::isFinite)) {
                    byClock.add(new Band(label, c.wallSeconds(), c.mean()[j], c.low()[j], c.high()[j]));
                }
            }
            addReferences(bySteps, references, j);
            addReferences(byClock, references, j);
            Palette labelled = Palette.of(bySteps.stream().map(Band::label).toList());
            Figures.write(Charts.bands(Labels.of(title, "meta-training problem-steps spent", "objective value"),
                    bySteps, Scale.LOG, labelled), folder, scored.file() + "-t" + t + "-vs-problem-steps");
            if (!byClock.isEmpty()) {
                Figures.write(Charts.logX(Charts.bands(Labels.of(title, "meta-training wall-clock seconds (log)",
                        "objective value"), byClock, Scale.LOG, labelled)), folder,
                        scored.file() + "-t" + t + "-vs-wall-clock");
            }
        }
    }
}
