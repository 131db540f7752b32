package org.l2o4j.eval.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.eval.curve.TrainingLog;
import org.l2o4j.eval.experiment.ExperimentOutcome;
import org.l2o4j.eval.experiment.ExperimentRunner;
import org.l2o4j.eval.experiment.ExperimentSpec;
import org.l2o4j.eval.experiment.FigureMaker;
import org.l2o4j.eval.experiment.OptimizerSpec;
import org.l2o4j.eval.experiment.Progress;

/**
 * One point of a training sweep run end to end where the engine placed it: the training file with the point's
 * overrides trained from scratch (its trainer on a {@link LocalEngine} with the file's threads), then the trained
 * optimizer evaluated as {@code l2o evaluate --policy RUN} does it ({@link ExperimentSpec#withTrained}: added
 * untuned, first, to the training's evaluation experiment, whose baselines are tuned on its training functions). Both
 * run folders are built in a scratch folder and travel back as files, which the driver writes under
 * {@code POINT/}{@value #TRAINING} and {@code POINT/}{@value #EVALUATION}.
 *
 * <p>Of the training's checkpoints only the latest travels: it is the one evaluated and the one a resume goes on from;
 * the older ones that {@code keepEvery} keeps would multiply what crosses the network by the number kept, and a sweep
 * compares the end of trainings. The log, {@code training.yaml}, {@code summary.json} and {@code provenance.json}
 * travel too, so a point's training folder is a run folder that {@code l2o evaluate} and {@code l2o train --resume}
 * accept.
 *
 * <p>The scratch folder is gone once the unit ends, so no file may name it: the files outside the checkpoints that
 * name the training's run folder (the training's {@code summary.json}, the evaluation's {@code config.yaml} and
 * {@code tuning.json}, which record the checkpoint evaluated) name it by its place in the sweep folder,
 * {@code POINT/training}. That path points at the same bytes once the sweep is written, and keeps the points the same
 * bytes on every engine. The checkpoints themselves are not touched (their manifests checksum them).
 *
 * @param point    the point's label and overrides, and the evaluation experiment (without the trained optimizer)
 * @param training the parsed training file with the point's overrides applied
 * @param folder   the point's folder relative to the sweep folder, e.g. {@code points/003}
 * @param session  the provenance of the point's training, captured by the driver: the executors run the driver's
 *                 code, whose commit they may have no checkout to read, and the checkpoints' manifests (which record
 *                 it with the machine) are then the same bytes on every engine
 */
public record TrainingSweepUnit(SweepPoint point, Map<String, Object> training, String folder, Provenance session)
        implements Unit<TrainingPointResult> {

    /** The training's run folder inside the point's folder. */
    public static final String TRAINING = "training";
    /** The evaluation's run folder inside the point's folder. */
    public static final String EVALUATION = "evaluation";

    public TrainingSweepUnit {
        Objects.requireNonNull(point, "point");
        // A copy that serializes whatever map the caller parsed.
        training = new LinkedHashMap<>(training);
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String name() {
        return "sweep point " + point.label();
    }

    @Override
    public TrainingPointResult run() {
        BoundTraining bound = BoundTraining.bind(training, "the training file at sweep point " + point.label());
        try (Scratch scratch = new Scratch(name())) {
            long started = System.nanoTime();
            Path run;
            try (Engine engine = new LocalEngine(bound.header().threads());
                    TrainingFolder trainingFolder = TrainingFolder.create(scratch.path().resolve(TRAINING),
                            bound.header(), bound.trainer().settings(), bound.provider().resumableKeys(), session)) {
                bound.trainSession(trainingFolder, TrainingListener.NONE, engine);
                run = trainingFolder.path();
            }
            TrainingFolder.Checkpoint latest = TrainingFolder.latestOf(run).orElseThrow();
            long problemSteps = TrainingLog.read(run).problemStepsAt(latest.logRows());
            double trainingSeconds = (System.nanoTime() - started) * 1e-9;

            started = System.nanoTime();
            ExperimentSpec spec = point.spec().withTrained(OptimizerSpec.untuned(bound.trainer().trainedOptimizer(run),
                    null));
            ExperimentOutcome outcome;
            Path evaluation;
            try (RunFolder comparison = RunFolder.create(scratch.path().resolve(EVALUATION), spec.name())) {
                outcome = ExperimentRunner.run(spec, comparison, Progress.NONE, FigureMaker.NONE);
                evaluation = comparison.commit();
            }
            double evaluationSeconds = (System.nanoTime() - started) * 1e-9;

            String checkpoints = TrainingFolder.CHECKPOINTS + "/";
            String kept = checkpoints + latest.directory().getFileName() + "/";
            Map<String, byte[]> files = new LinkedHashMap<>();
            // The run's own files (not its lock), the pointer and the latest checkpoint.
            Scratch.files(run, f -> (!f.contains("/") && !f.startsWith(".")) || f.equals(checkpoints
                    + TrainingFolder.LATEST) || f.startsWith(kept)).forEach((f, bytes) -> files.put(TRAINING + "/" + f,
                    f.startsWith(checkpoints) ? bytes : placed(bytes, run)));
            Scratch.files(evaluation, f -> true).forEach((f, bytes) -> files.put(EVALUATION + "/" + f,
                    placed(bytes, run)));
            return new TrainingPointResult(PointResult.of(files, outcome), new PointTraining(latest.unit(),
                    latest.step(), problemSteps, trainingSeconds, evaluationSeconds));
        }
    }

    /** A file's text with the scratch path of the training's run folder replaced by its place in the sweep folder. */
    private byte[] placed(byte[] bytes, Path run) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String scratch = run.toString();
        return text.contains(scratch) ? text.replace(scratch, folder + "/" + TRAINING).getBytes(StandardCharsets.UTF_8)
                : bytes;
    }
}
