package org.l2o4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.algorithm.GuidedPolicySearch;
import org.l2o4j.gps.algorithm.IterationRecord;
import org.l2o4j.gps.env.Condition;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o train}: trains Li &amp; Malik's learned optimizer by guided policy search, into a run folder that holds
 * the training file, provenance, a per-iteration log and a checkpoint after every iteration. An interrupted run goes on
 * with {@code l2o train --resume RUN_FOLDER}.
 */
@Command(name = "train", description = "Train a learned optimizer by guided policy search (an experiment with "
        + "kind: gps-training), checkpointing every iteration.")
final class TrainCommand implements Callable<Integer> {

    private static final String SPEC_FILE = "training.yaml";
    private static final String CHECKPOINTS = "checkpoints";
    private static final String LOG = "training-log.csv";

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    private Source source;

    /** Either a new run from an experiment, or a run to resume. */
    static final class Source {
        @Parameters(paramLabel = "EXPERIMENT", description = "training experiment name or file")
        String experiment;

        @Option(names = "--resume", paramLabel = "RUN_FOLDER", description = "go on with an interrupted run")
        Path resume;
    }

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the training file "
            + "(with --resume only 'iterations' and 'threads' may change)")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path folder;
        TrainingSpec training;
        if (source.resume != null) {
            folder = source.resume;
            Path file = folder.resolve(SPEC_FILE);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("cannot resume " + folder + ": it has no " + SPEC_FILE
                        + " (is it a training run folder?)");
            }
            training = TrainingSpec.read(file, run.overrides(overrides));
        } else {
            training = TrainingSpec.read(Experiments.locate(source.experiment), run.overrides(overrides));
            folder = newRunFolder(run.out, training.name());
            AtomicFiles.writeString(folder.resolve(SPEC_FILE), Configs.toYaml(training));
            AtomicFiles.writeString(folder.resolve("provenance.json"), Configs.toJson(Provenance.capture(
                    training.name(), training.seed(), "l2o " + String.join(" ",
                            spec.commandLine().getParseResult().originalArgs()))));
        }
        GpsConfig config = training.gpsConfig();
        List<Condition> conditions = conditions(training);
        GuidedPolicySearch trainer = new GuidedPolicySearch(config, conditions);
        List<String> log = new ArrayList<>(readLog(folder));
        Progress progress = run.noProgress ? Progress.NONE : new ProgressBars(System.err);
        out.printf("training %s: %d conditions from %s/%s, %d iterations, N = %d, T = %d, features %s%n",
                training.name(), conditions.size(), training.family(), training.trainSplit(), config.iterations(),
                config.samplesPerCondition(), config.horizon(), config.preset().name());
        out.flush();
        long started = System.nanoTime();
        try (Progress.Task task = progress.begin("train", config.iterations())) {
            java.util.function.Consumer<IterationRecord> listener = r -> {
                log.add(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.6g,%.6g,%.6g,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f",
                        r.iteration(), r.meanSampleCost(), r.meanPolicyCost(), r.meanKlNats(), r.meanEta(),
                        r.stepMultiplier(), r.etaBumps(), r.seconds().total(), r.seconds().sampling(),
                        r.seconds().dynamics(), r.seconds().linearization(), r.seconds().cStep(),
                        r.seconds().sStep(), r.seconds().evaluation()));
                AtomicFiles.writeString(folder.resolve(LOG), String.join("\n", log) + "\n");
                out.printf(Locale.ROOT, "iteration %d: local controllers %.5g, policy %.5g, KL %.3g, eta %.3g, "
                        + "step x%.3g, %.1f s%n", r.iteration(), r.meanSampleCost(), r.meanPolicyCost(),
                        r.meanKlNats(), r.meanEta(), r.stepMultiplier(), r.seconds().total());
                out.flush();
                task.advance(1);
            };
            if (source.resume != null) {
                trainer.resume(folder.resolve(CHECKPOINTS), listener);
            } else {
                trainer.train(folder.resolve(CHECKPOINTS), listener);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("training", training.name());
        summary.put("iterations", config.iterations());
        summary.put("policy", folder.resolve(CHECKPOINTS).toAbsolutePath().toString());
        summary.put("secondsThisSession", (System.nanoTime() - started) * 1e-9);
        AtomicFiles.writeString(folder.resolve("summary.json"), Configs.toJson(summary));
        out.printf("%nrun folder: %s%ncompare it with the baselines: l2o evaluate --policy %s%s%n",
                folder.toAbsolutePath(), folder, training.evaluation().isEmpty() ? " --experiment EXPERIMENT" : "");
        out.flush();
        return 0;
    }

    private static List<Condition> conditions(TrainingSpec training) {
        List<Problem> problems = Catalog.family(training.family(), training.familyConfig())
                .problems(training.trainSplit(), training.seed());
        int count = training.conditions() == 0 ? problems.size() : training.conditions();
        if (count > problems.size()) {
            throw new ConfigException("conditions is " + count + " but split '" + training.trainSplit()
                    + "' has only " + problems.size() + " functions");
        }
        return problems.subList(0, count).stream().map(Condition::of).toList();
    }

    private static Path newRunFolder(Path root, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = root.resolve(name).resolve(stamp);
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + folder + " (" + e + "); choose a "
                    + "writable folder with --out", e);
        }
    }

    private static List<String> readLog(Path folder) {
        Path file = folder.resolve(LOG);
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file)
                    : List.of("iteration,local_controller_cost,policy_cost,kl_nats,eta,step_multiplier,eta_bumps,"
                            + "seconds,sampling_s,dynamics_s,linearization_s,c_step_s,s_step_s,evaluation_s");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
