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
import java.util.function.Consumer;

import org.l2o4j.bptt.BpttConfig;
import org.l2o4j.bptt.BpttTrainer;
import org.l2o4j.bptt.EpochRecord;
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
 * {@code l2o train}: trains a learned optimizer into a run folder that holds the training file, provenance, a log and
 * checkpoints, and goes on with an interrupted run ({@code l2o train --resume RUN_FOLDER}). The file's {@code kind}
 * picks the trainer ({@link TrainingFile}): Li &amp; Malik's policy by guided policy search, checkpointed every
 * iteration, or a recurrent optimizer (Andrychowicz et al.'s LSTM, Maheswaranathan et al.'s GRU) by backpropagation
 * through the unrolled optimization, checkpointed every {@code checkpointEveryEpochs} epochs. The run folder, its
 * provenance and summary, the progress bar and the closing hint are the same for both.
 */
@Command(name = "train", description = "Train a learned optimizer (an experiment with kind: gps-training or "
        + "kind: bptt-training), checkpointing as it goes.")
final class TrainCommand implements Callable<Integer> {

    private static final String GPS_LOG = "training-log.csv";

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

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the training file (with "
            + "--resume only 'iterations' and 'threads' may change for GPS, 'epochs', 'threads' and "
            + "'checkpointEveryEpochs' for BPTT)")
    private List<String> overrides = new ArrayList<>();

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean resume = source.resume != null;
        Path folder;
        TrainingFile training;
        if (resume) {
            folder = source.resume;
            Path file = folder.resolve(TrainingFile.SPEC_FILE);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("cannot resume " + folder + ": it has no " + TrainingFile.SPEC_FILE
                        + " (is it a training run folder?)");
            }
            training = TrainingFile.read(file, run.overrides(overrides));
        } else {
            training = TrainingFile.read(Experiments.locate(source.experiment), run.overrides(overrides));
            folder = newRunFolder(run.out, training.name());
            AtomicFiles.writeString(folder.resolve(TrainingFile.SPEC_FILE), Configs.toYaml(training.settings()));
            AtomicFiles.writeString(folder.resolve("provenance.json"), Configs.toJson(Provenance.capture(
                    training.name(), training.seed(), "l2o " + String.join(" ",
                            spec.commandLine().getParseResult().originalArgs()))));
        }
        Progress progress = run.noProgress ? Progress.NONE : new ProgressBars(System.err);
        long started = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("training", training.name());
        if (training instanceof TrainingSpec gps) {
            summary.putAll(trainGps(gps, folder, resume, out, progress));
        } else {
            summary.putAll(trainBptt((BpttTrainingSpec) training, folder, resume, out, progress));
        }
        summary.put("secondsThisSession", (System.nanoTime() - started) * 1e-9);
        AtomicFiles.writeString(folder.resolve("summary.json"), Configs.toJson(summary));
        if (resume) {
            // The folder describes its latest session: a resume with --set epochs=... is resumed later without it.
            AtomicFiles.writeString(folder.resolve(TrainingFile.SPEC_FILE), Configs.toYaml(training.settings()));
        }
        out.printf("%nrun folder: %s%ncompare it with the baselines: l2o evaluate --policy %s%s%n",
                folder.toAbsolutePath(), folder, training.evaluation().isEmpty() ? " --experiment EXPERIMENT" : "");
        out.flush();
        return 0;
    }

    /** Guided policy search with a checkpoint and a log row per iteration; returns the summary's entries. */
    private static Map<String, Object> trainGps(TrainingSpec training, Path folder, boolean resume, PrintWriter out,
            Progress progress) {
        GpsConfig config = training.gpsConfig();
        List<Condition> conditions = conditions(training);
        GuidedPolicySearch trainer = new GuidedPolicySearch(config, conditions);
        List<String> log = new ArrayList<>(readGpsLog(folder));
        out.printf("training %s: %d conditions from %s/%s, %d iterations, N = %d, T = %d, features %s%n",
                training.name(), conditions.size(), training.family(), training.trainSplit(), config.iterations(),
                config.samplesPerCondition(), config.horizon(), config.preset().name());
        out.flush();
        try (Progress.Task task = progress.begin("train", config.iterations())) {
            Consumer<IterationRecord> listener = r -> {
                log.add(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.6g,%.6g,%.6g,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f",
                        r.iteration(), r.meanSampleCost(), r.meanPolicyCost(), r.meanKlNats(), r.meanEta(),
                        r.stepMultiplier(), r.etaBumps(), r.seconds().total(), r.seconds().sampling(),
                        r.seconds().dynamics(), r.seconds().linearization(), r.seconds().cStep(),
                        r.seconds().sStep(), r.seconds().evaluation()));
                AtomicFiles.writeString(folder.resolve(GPS_LOG), String.join("\n", log) + "\n");
                out.printf(Locale.ROOT, "iteration %d: local controllers %.5g, policy %.5g, KL %.3g, eta %.3g, "
                        + "step x%.3g, %.1f s%n", r.iteration(), r.meanSampleCost(), r.meanPolicyCost(),
                        r.meanKlNats(), r.meanEta(), r.stepMultiplier(), r.seconds().total());
                out.flush();
                task.advance(1);
            };
            if (resume) {
                trainer.resume(folder.resolve(TrainingSpec.CHECKPOINTS), listener);
            } else {
                trainer.train(folder.resolve(TrainingSpec.CHECKPOINTS), listener);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iterations", config.iterations());
        summary.put("policy", folder.resolve(TrainingSpec.CHECKPOINTS).toAbsolutePath().toString());
        return summary;
    }

    /**
     * Backpropagation through the unrolled optimization; {@link BpttTrainer} writes the networks, its state and the
     * per-epoch log into the run folder itself. The progress bar counts this session's epochs; a line is printed
     * after every validation. Returns the summary's entries.
     */
    private static Map<String, Object> trainBptt(BpttTrainingSpec training, Path folder, boolean resume,
            PrintWriter out, Progress progress) {
        BpttConfig config = training.trainer();
        BpttTrainer trainer = new BpttTrainer(config, Catalog.family(training.family(), training.familyConfig()));
        out.printf(Locale.ROOT, "training %s: %s %d x %d (%d parameters) on %s, %d epochs of %d problems x %d steps "
                + "in unrolls of %d, validated every %d epochs on %d problems%n", training.name(), config.cell(),
                config.layers(), config.hiddenUnits(), trainer.net().parameterCount(), training.family(),
                config.epochs(), config.problemsPerEpoch(), config.stepsPerProblem(), config.unrollLength(),
                config.validateEveryEpochs(), config.validationProblems());
        out.flush();
        // The bar starts with the session's first epoch: only then is it known where a resumed run stands.
        Progress.Task[] bar = new Progress.Task[1];
        Consumer<EpochRecord> listener = r -> {
            if (r.epoch() > 0) {
                if (bar[0] == null) {
                    bar[0] = progress.begin("train", config.epochs() - r.epoch() + 1);
                }
                bar[0].advance(1);
            }
            if (r.validated()) {
                out.printf(Locale.ROOT, "epoch %d: training loss %.5g, validation %s %.5g (%d diverged)%s, %.1f s%n",
                        r.epoch(), r.trainingLoss(), config.validationCriterion(), r.validationScore(),
                        r.validationDiverged(), r.best() ? ", best so far" : "", r.wallSeconds());
                out.flush();
            }
        };
        BpttTrainer.Result result;
        try {
            result = resume ? resumeBptt(trainer, folder, listener) : trainer.train(folder, listener);
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("epochs", result.completedEpochs());
        summary.put("metaSteps", result.metaSteps());
        summary.put("skippedSteps", result.skippedSteps());
        summary.put("bestEpoch", result.bestEpoch());
        summary.put("bestValidationScore", result.bestValidationScore());
        summary.put("bestValidationDiverged", result.bestValidationDiverged());
        summary.put("policy", folder.resolve(BpttTrainer.BEST_FILE).toAbsolutePath().toString());
        return summary;
    }

    /** A resume that the run folder refuses (no checkpoint, other settings) is the user's mistake, told in a line. */
    private static BpttTrainer.Result resumeBptt(BpttTrainer trainer, Path folder, Consumer<EpochRecord> listener) {
        try {
            return trainer.resume(folder, listener);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot resume " + folder + ": " + e.getMessage(), e);
        }
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

    private static List<String> readGpsLog(Path folder) {
        Path file = folder.resolve(GPS_LOG);
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file)
                    : List.of("iteration,local_controller_cost,policy_cost,kl_nats,eta,step_multiplier,eta_bumps,"
                            + "seconds,sampling_s,dynamics_s,linearization_s,c_step_s,s_step_s,evaluation_s");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
