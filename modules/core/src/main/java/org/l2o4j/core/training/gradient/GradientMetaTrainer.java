package org.l2o4j.core.training.gradient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingListener;

/**
 * The outer loop of every gradient-based meta-trainer: a {@link GradientEstimator} supplies meta-gradients, this
 * class does everything else the same way for all of them.
 *
 * <p><b>Loop.</b> Validate θ₀ (epoch 0). Then per epoch: {@link GradientEstimator#epoch start} it, and for each of its
 * meta-steps take the estimate, add the meta-L2 penalty's gradient if configured, clip it (element-wise, then by
 * global norm, as configured) and take a {@link MetaAdam} step (with its halving schedule if configured). Every
 * {@code validateEveryEpochs} epochs and after the last, run θ as an optimizer on the {@link Validation}
 * functions and keep it if it is the best so far.
 *
 * <p><b>NaN guard.</b> A meta-step whose loss or gradient is not finite is skipped: θ and Adam's state stay as they
 * were, the skip is counted, and the rest of the epoch is abandoned (its inner iterates are no longer usable); the
 * next epoch starts afresh.
 *
 * <p><b>Budget.</b> The log counts the problem-steps spent (the estimator's, the validations' and its set-up's), the
 * currency in which trainers are compared.
 *
 * <p><b>Checkpoints</b> (every {@code checkpointEveryEpochs} epochs and after the last), through the
 * {@link TrainingFolder}: {@value #BEST_FILE} (the validation-best θ as the estimator's optimizer checkpoint),
 * {@value #LAST_FILE} (the latest θ) and {@value #STATE_FILE} (θ, Adam's moments and step count, the counters and the
 * best θ with its score). The log has one {@link EpochRecord} per epoch; its {@code wallSeconds} column sums the
 * sessions' time and is the only number that is not a function of the seed. A resumed run equals an uninterrupted one
 * byte for byte.
 */
public final class GradientMetaTrainer implements MetaTrainer {

    /** The validation-best θ, as the estimator's optimizer checkpoint: the run's result. */
    public static final String BEST_FILE = "optimizer-best.json";
    /** The latest θ. */
    public static final String LAST_FILE = "optimizer-last.json";
    /** The loop's state. */
    public static final String STATE_FILE = "trainer.json";
    /** The unit of work. */
    public static final String UNIT = "epoch";
    private static final String FORMAT = "l2o4j-gradient-trainer";
    private static final int FORMAT_VERSION = 1;

    private final String kind;
    private final Map<String, Object> settings;
    private final GradientLoopConfig config;
    private final Function<Engine, GradientEstimator> estimators;
    private final Supplier<Validation> validations;
    private final Supplier<String> headline;
    private final Function<Path, TrainedOptimizer> resultOptimizer;

    /**
     * What a run produced.
     *
     * @param best                   the validation-best θ
     * @param last                   θ after the last epoch
     * @param bestEpoch              the epoch of {@code best} (0: θ₀)
     * @param bestValidationScore    its validation criterion
     * @param bestValidationDiverged its diverged validation runs
     * @param completedEpochs        epochs done
     * @param metaSteps              meta-steps applied
     * @param skippedSteps           meta-steps skipped by the NaN guard
     * @param log                    one record per epoch, epoch 0 first
     */
    public record Result(double[] best, double[] last, int bestEpoch, double bestValidationScore,
            int bestValidationDiverged, int completedEpochs, long metaSteps, long skippedSteps,
            List<EpochRecord> log) {
        public Result {
            log = List.copyOf(log);
        }
    }

    /**
     * @param kind            the trainer's kind (in the checkpoints' provenance)
     * @param settings        the trainer's resolved settings ({@link MetaTrainer#settings()})
     * @param config          the loop's settings
     * @param estimators      makes the estimator when training starts, given the engine that its independent work
     *                        (an evolution strategy's population) may run on; an estimator without such work ignores
     *                        it
     * @param validations     makes the validation functions when training starts
     * @param headline        the line that says what is trained, when training starts
     * @param resultOptimizer the optimizer that loads a {@value #BEST_FILE} (without building an estimator)
     */
    public GradientMetaTrainer(String kind, Map<String, Object> settings, GradientLoopConfig config,
            Function<Engine, GradientEstimator> estimators, Supplier<Validation> validations,
            Supplier<String> headline, Function<Path, TrainedOptimizer> resultOptimizer) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.settings = new LinkedHashMap<>(settings);
        this.config = Objects.requireNonNull(config, "config");
        this.estimators = Objects.requireNonNull(estimators, "estimators");
        this.validations = Objects.requireNonNull(validations, "validations");
        this.headline = Objects.requireNonNull(headline, "headline");
        this.resultOptimizer = Objects.requireNonNull(resultOptimizer, "resultOptimizer");
    }

    /** The loop's settings. */
    public GradientLoopConfig config() {
        return config;
    }

    @Override
    public Map<String, Object> settings() {
        return new LinkedHashMap<>(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("epochs", config.epochs(), UNIT);
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        Objects.requireNonNull(folder, "folder");
        Result r = run(folder, listener, engine);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("epochs", r.completedEpochs());
        summary.put("metaSteps", r.metaSteps());
        summary.put("problemSteps", r.log().isEmpty() ? 0 : r.log().get(r.log().size() - 1).problemSteps());
        summary.put("skippedSteps", r.skippedSteps());
        summary.put("bestEpoch", r.bestEpoch());
        summary.put("bestValidationScore", r.bestValidationScore());
        summary.put("bestValidationDiverged", r.bestValidationDiverged());
        summary.put("policy", folder.latest().map(c -> c.file(BEST_FILE).toAbsolutePath().toString()).orElse(""));
        return summary;
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return resultOptimizer.apply(checkpoint.file(BEST_FILE));
    }

    /** {@link #run(TrainingFolder, TrainingListener, Engine)} on this JVM's threads, one per core. */
    public Result run(TrainingFolder folder, TrainingListener listener) {
        try (Engine engine = new LocalEngine(Runtime.getRuntime().availableProcessors())) {
            return run(folder, listener, engine);
        }
    }

    /**
     * Trains, checkpointing into {@code folder} (continuing from its latest checkpoint), or without writing anything
     * when {@code folder} is null.
     *
     * @param engine where the estimator runs its independent work; the caller opens and closes it
     */
    public Result run(TrainingFolder folder, TrainingListener listener, Engine engine) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(engine, "engine");
        try (GradientEstimator estimator = estimators.apply(engine)) {
            State s = folder != null && folder.resumeFrom().isPresent() ? restore(folder, estimator)
                    : fresh(estimator);
            if (folder != null) {
                folder.logHeader(EpochRecord.HEADER);
            }
            return loop(s, estimator, validations.get(), folder, listener);
        }
    }

    /** The mutable state of a run: what {@value #STATE_FILE} saves. */
    private final class State {
        double[] parameters;
        MetaAdam adam;
        int completedEpochs;
        long metaSteps;
        long problemSteps;
        long lastEpochProblemSteps;
        long skippedSteps;
        double wallSeconds;
        int bestEpoch;
        Validation.Outcome best = new Validation.Outcome(Double.NaN, Integer.MAX_VALUE, 0);
        double[] bestParameters;
        final List<EpochRecord> log = new ArrayList<>();

        State(int parameterCount) {
            adam = new MetaAdam(parameterCount, config.metaLearningRate(), config.beta1(), config.beta2(),
                    config.epsilon(), config.halvingSteps());
        }
    }

    private State fresh(GradientEstimator estimator) {
        State s = new State(estimator.parameterCount());
        s.parameters = estimator.initialParameters();
        return s;
    }

    private Result loop(State s, GradientEstimator estimator, Validation validation, TrainingFolder folder,
            TrainingListener listener) {
        listener.started(s.completedEpochs, config.epochs(), headline.get());
        double[] gradient = new double[estimator.parameterCount()];
        if (s.log.isEmpty()) {
            long t0 = System.nanoTime();
            Validation.Outcome v = validation.run(estimator.optimizer(s.parameters));
            s.problemSteps = estimator.setupProblemSteps() + v.problemSteps();
            s.bestEpoch = 0;
            s.best = v;
            s.bestParameters = s.parameters.clone();
            s.wallSeconds += (System.nanoTime() - t0) * 1e-9;
            record(s, new EpochRecord(0, 0, s.problemSteps, Double.NaN, Double.NaN, Double.NaN, 0, v.score(),
                    v.diverged(), true, s.wallSeconds), folder, listener, validation);
        }
        long validationCost = (long) validation.problems().size() * validation.steps();
        for (int epoch = s.completedEpochs; epoch < config.epochs(); epoch++) {
            if (epoch > 0 && s.problemSteps + s.lastEpochProblemSteps + validationCost > config.problemSteps()) {
                break;
            }
            long t0 = System.nanoTime();
            EpochStats stats = trainEpoch(s, estimator, epoch, gradient);
            s.completedEpochs = epoch + 1;
            s.lastEpochProblemSteps = stats.problemSteps();
            boolean scheduled = s.completedEpochs % config.validateEveryEpochs() == 0;
            boolean last = s.completedEpochs == config.epochs() || s.problemSteps + stats.problemSteps()
                    + (scheduled ? validationCost : 0) + stats.problemSteps() + validationCost > config.problemSteps();
            boolean validate = scheduled || last;
            Validation.Outcome v = validate ? validation.run(estimator.optimizer(s.parameters)) : null;
            s.problemSteps += stats.problemSteps() + (v == null ? 0 : v.problemSteps());
            boolean best = v != null && v.betterThan(s.best);
            if (best) {
                s.bestEpoch = s.completedEpochs;
                s.best = v;
                s.bestParameters = s.parameters.clone();
            }
            s.wallSeconds += (System.nanoTime() - t0) * 1e-9;
            record(s, new EpochRecord(s.completedEpochs, s.metaSteps, s.problemSteps, stats.meanLoss(),
                    stats.finalObjective(),
                    stats.meanGradientNorm(), s.skippedSteps, v == null ? Double.NaN : v.score(),
                    v == null ? -1 : v.diverged(), best, s.wallSeconds), folder, listener, validation);
            if (folder != null && (s.completedEpochs % config.checkpointEveryEpochs() == 0 || last)) {
                checkpoint(folder, s, estimator);
            }
            if (last) {
                break;
            }
        }
        return new Result(s.bestParameters.clone(), s.parameters.clone(), s.bestEpoch, s.best.score(),
                s.best.diverged(), s.completedEpochs, s.metaSteps, s.skippedSteps, s.log);
    }

    private void record(State s, EpochRecord r, TrainingFolder folder, TrainingListener listener,
            Validation validation) {
        s.log.add(r);
        if (folder != null) {
            folder.log(r.csv());
        }
        String training = r.epoch() == 0 ? "before training" : String.format(Locale.ROOT, "training loss %.5g",
                r.trainingLoss());
        listener.progressed(r.epoch(), r.validated() ? String.format(Locale.ROOT, "epoch %d: %s, validation %s %.5g "
                + "(%d diverged)%s, %.1f s", r.epoch(), training, validation.criterion(), r.validationScore(),
                r.validationDiverged(), r.best() ? ", best so far" : "", r.wallSeconds()) : "");
    }

    private record EpochStats(double meanLoss, double finalObjective, double meanGradientNorm, long problemSteps) {
    }

    private EpochStats trainEpoch(State s, GradientEstimator estimator, int epoch, double[] gradient) {
        GradientEstimator.Epoch e = estimator.epoch(epoch, s.parameters);
        double lossSum = 0;
        double normSum = 0;
        int applied = 0;
        boolean abandoned = false;
        for (int step = 0; step < estimator.stepsPerEpoch(); step++) {
            double loss = e.estimate(s.parameters, gradient) + penalize(s.parameters, gradient);
            double norm = norm(gradient);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                s.skippedSteps++;
                abandoned = true;
                break;
            }
            clip(gradient, norm);
            s.adam.step(s.parameters, gradient);
            s.metaSteps++;
            applied++;
            lossSum += loss;
            normSum += norm;
        }
        return new EpochStats(applied == 0 ? Double.NaN : lossSum / applied,
                abandoned ? Double.NaN : e.finalObjective(), applied == 0 ? Double.NaN : normSum / applied,
                e.problemSteps());
    }

    /** Adds the meta-L2 penalty's gradient 2λθ into {@code gradient} and returns λ‖θ‖². */
    private double penalize(double[] theta, double[] gradient) {
        double lambda = config.metaL2();
        if (lambda == 0) {
            return 0;
        }
        double squares = 0;
        for (int k = 0; k < theta.length; k++) {
            squares += theta[k] * theta[k];
            gradient[k] += 2 * lambda * theta[k];
        }
        return lambda * squares;
    }

    /** Element-wise clipping first, then the global norm (of the element-wise-clipped gradient). */
    private void clip(double[] gradient, double norm) {
        double c = config.clipElementwise();
        if (c > 0) {
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] = Math.max(-c, Math.min(c, gradient[k]));
            }
            norm = norm(gradient);
        }
        double maxNorm = config.clipGlobalNorm();
        if (maxNorm > 0 && norm > maxNorm) {
            double factor = maxNorm / norm;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] *= factor;
            }
        }
    }

    private static double norm(double[] v) {
        double sq = 0;
        for (double x : v) {
            sq += x * x;
        }
        return Math.sqrt(sq);
    }

    private void checkpoint(TrainingFolder folder, State s, GradientEstimator estimator) {
        folder.save(s.completedEpochs, UNIT, dir -> {
            estimator.saveOptimizer(s.bestParameters, dir.resolve(BEST_FILE), networkProvenance(s.bestEpoch));
            estimator.saveOptimizer(s.parameters, dir.resolve(LAST_FILE), networkProvenance(s.completedEpochs));
            AtomicFiles.writeString(dir.resolve(STATE_FILE), Configs.toJson(stateJson(s)) + "\n");
        });
    }

    private Map<String, Object> networkProvenance(int epoch) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trainer", kind);
        p.put("epoch", epoch);
        return p;
    }

    private ObjectNode stateJson(State s) {
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("completedEpochs", s.completedEpochs);
        root.put("metaSteps", s.metaSteps);
        root.put("problemSteps", s.problemSteps);
        root.put("lastEpochProblemSteps", s.lastEpochProblemSteps);
        root.put("skippedSteps", s.skippedSteps);
        Configs.putNumbers(root, "parameters", s.parameters);
        ObjectNode adam = root.putObject("adam");
        adam.put("steps", s.adam.steps());
        Configs.putNumbers(adam, "firstMoment", s.adam.firstMoment());
        Configs.putNumbers(adam, "secondMoment", s.adam.secondMoment());
        ObjectNode best = root.putObject("best");
        best.put("epoch", s.bestEpoch);
        if (Double.isFinite(s.best.score())) {
            best.put("score", s.best.score());
        } else {
            best.putNull("score");
        }
        best.put("diverged", s.best.diverged());
        Configs.putNumbers(best, "parameters", s.bestParameters);
        return root;
    }

    private State restore(TrainingFolder folder, GradientEstimator estimator) {
        TrainingFolder.Checkpoint checkpoint = folder.resumeFrom().orElseThrow();
        Path file = checkpoint.file(STATE_FILE);
        SavedState saved = SavedState.read(file, estimator.parameterCount());
        if (saved.completedEpochs() != checkpoint.step()) {
            throw new ConfigException(file + " says " + saved.completedEpochs() + " epochs are done, its checkpoint "
                    + checkpoint.step());
        }
        State s = new State(estimator.parameterCount());
        s.parameters = saved.parameters();
        s.adam.restore(saved.adamSteps(), saved.firstMoment(), saved.secondMoment());
        s.completedEpochs = saved.completedEpochs();
        s.metaSteps = saved.metaSteps();
        s.problemSteps = saved.problemSteps();
        s.lastEpochProblemSteps = saved.lastEpochProblemSteps();
        s.skippedSteps = saved.skippedSteps();
        s.bestEpoch = saved.bestEpoch();
        s.best = new Validation.Outcome(saved.bestScore(), saved.bestDiverged(), 0);
        s.bestParameters = saved.bestParameters();
        for (String row : folder.logRows()) {
            try {
                s.log.add(EpochRecord.parse(row));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("cannot resume " + folder.path() + ": a row of its " + TrainingFolder.LOG
                        + " is damaged (" + e.getMessage() + "); restore the log from a copy, or start a new run", e);
            }
        }
        s.wallSeconds = s.log.isEmpty() ? 0 : s.log.get(s.log.size() - 1).wallSeconds();
        return s;
    }

    /**
     * What {@value #STATE_FILE} holds, read and checked against the network's parameter count; every refusal is a
     * {@link ConfigException} naming the file and the field.
     *
     * @param parameters            θ
     * @param adamSteps             Adam's step count
     * @param firstMoment           Adam's first moments
     * @param secondMoment          Adam's second moments
     * @param completedEpochs       epochs done
     * @param metaSteps             meta-steps applied
     * @param problemSteps          problem-steps spent
     * @param lastEpochProblemSteps problem-steps of the last epoch
     * @param skippedSteps          meta-steps skipped by the NaN guard
     * @param bestEpoch             the epoch of the best θ
     * @param bestScore             its validation criterion (NaN before any validation)
     * @param bestDiverged          its diverged validation runs
     * @param bestParameters        the best θ
     */
    record SavedState(double[] parameters, long adamSteps, double[] firstMoment, double[] secondMoment,
            int completedEpochs, long metaSteps, long problemSteps, long lastEpochProblemSteps, long skippedSteps,
            int bestEpoch, double bestScore, int bestDiverged, double[] bestParameters) {

        /** Reads a state file written for a network of {@code count} parameters. */
        static SavedState read(Path file, int count) {
            JsonNode root;
            try {
                root = Configs.json().readTree(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ConfigException("cannot read the trainer state " + file + ": " + e.getMessage(), e);
            }
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
                throw new ConfigException(file + " is not a version-" + FORMAT_VERSION + " " + FORMAT + " file");
            }
            Fields f = new Fields(file);
            JsonNode adam = f.required(root, "adam");
            JsonNode best = f.required(root, "best");
            JsonNode score = best.get("score");
            if (score != null && !score.isNull() && !score.isNumber()) {
                throw new ConfigException("trainer state " + file + ": field 'score' is not a number");
            }
            return new SavedState(f.numbers(root, "parameters", count), f.count(adam, "steps"),
                    f.numbers(adam, "firstMoment", count), f.numbers(adam, "secondMoment", count),
                    (int) f.count(root, "completedEpochs", Integer.MAX_VALUE), f.count(root, "metaSteps"),
                    f.count(root, "problemSteps"), root.has("lastEpochProblemSteps")
                            ? f.count(root, "lastEpochProblemSteps") : 0, f.count(root, "skippedSteps"),
                    (int) f.count(best, "epoch", Integer.MAX_VALUE), score == null || score.isNull() ? Double.NaN
                            : score.doubleValue(), (int) f.count(best, "diverged", Integer.MAX_VALUE),
                    f.numbers(best, "parameters", count));
        }
    }

    /** Reads required fields of the state file, with errors naming the file and the field. */
    private record Fields(Path file) {

        JsonNode required(JsonNode parent, String name) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                throw new ConfigException("trainer state " + file + ": missing field '" + name + "'");
            }
            return node;
        }

        /** A count: a whole number from 0 to {@code Long.MAX_VALUE}. */
        long count(JsonNode parent, String name) {
            return count(parent, name, Long.MAX_VALUE);
        }

        /** A whole number from 0 to {@code max}. */
        long count(JsonNode parent, String name, long max) {
            JsonNode node = required(parent, name);
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0
                    || node.longValue() > max) {
                throw new ConfigException("trainer state " + file + ": field '" + name + "' is not a whole number from"
                        + " 0 to " + max);
            }
            return node.longValue();
        }

        double[] numbers(JsonNode parent, String name, int length) {
            JsonNode node = required(parent, name);
            if (!node.isArray() || node.size() != length) {
                throw new ConfigException("trainer state " + file + ": field '" + name + "' is not an array of "
                        + length + " numbers (the network has " + length + " parameters)");
            }
            double[] out = new double[length];
            for (int k = 0; k < length; k++) {
                if (!node.get(k).isNumber()) {
                    throw new ConfigException("trainer state " + file + ": '" + name + "[" + k + "]' is not a number");
                }
                out[k] = node.get(k).doubleValue();
            }
            return out;
        }
    }
}
