package org.l2o4j.bptt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentNet;

/**
 * Meta-trains a recurrent learned optimizer by truncated backpropagation through the unrolled optimization
 * (Andrychowicz et al. 2016; papers.md §2.1). The settings and the meaning of an epoch, of the meta-loss and of the
 * validation rule are documented in {@link BpttConfig}; one meta-update is an {@link Unroll} followed by clipping and
 * Adam ({@link MetaAdam}).
 *
 * <p><b>Loop.</b> Validate the initial network (epoch 0). Then per epoch: draw the epoch's training problems, start them
 * and the recurrent state afresh, and for each of the {@code stepsPerProblem / unrollLength} unrolls compute the
 * meta-loss and its gradient, clip it (element-wise, then by global norm, as configured) and take an Adam step. Every
 * {@code validateEveryEpochs} epochs and after the last, run the network as an optimizer on the validation problems
 * and keep it if it is the best so far ({@link BpttConfig#validationCriterion}).
 *
 * <p><b>NaN guard.</b> A meta-update whose loss or gradient is not finite (an iterate or the network blew up) is
 * skipped: the parameters and Adam's state stay as they were, the skip is counted ({@link EpochRecord#skippedSteps}),
 * and the rest of the epoch is abandoned, since its iterates are no longer usable; the next epoch starts with fresh
 * problems.
 *
 * <p><b>Run folder.</b> With a folder, every {@code checkpointEveryEpochs} epochs and after the last one the trainer
 * writes {@value #BEST_FILE} (the validation-best network), {@value #LAST_FILE} (the latest), {@value #LOG_FILE} and,
 * last, {@value #TRAINER_FILE} (everything {@link #resume} needs), each atomically. A crash therefore leaves a
 * consistent resume point, and a resumed run equals an uninterrupted one bit for bit (the log's wall-clock column
 * aside).
 */
public final class BpttTrainer {

    /** The validation-best network, what {@code lstm-optimizer}/{@code gru-optimizer} load from a run folder. */
    public static final String BEST_FILE = "optimizer-best.json";
    /** The latest network. */
    public static final String LAST_FILE = "optimizer-last.json";
    /** The trainer's own state. */
    public static final String TRAINER_FILE = "trainer.json";
    /** One row per epoch ({@link EpochRecord}). */
    public static final String LOG_FILE = "training-log.csv";
    /** Label of the seed stream of the network's initial parameters. */
    public static final String INIT_SEED = "bptt-network-init";
    /** Label of the seed stream of the validation problems (a family's {@code validation} split uses it too). */
    public static final String VALIDATION_SPLIT = "validation";
    /** Label of the seed stream of the training problems (the family's {@code train} split). */
    public static final String TRAINING_SPLIT = "train";

    /**
     * What a run produced.
     *
     * @param best                   the validation-best network
     * @param last                   the network after the last epoch
     * @param bestEpoch              the epoch of {@code best} (0: the untrained network)
     * @param bestValidationScore    its validation criterion
     * @param bestValidationDiverged its diverged validation runs
     * @param completedEpochs        epochs done
     * @param metaSteps              meta-updates applied
     * @param skippedSteps           meta-updates skipped by the NaN guard
     * @param log                    one record per epoch, epoch 0 first
     */
    public record Result(RecurrentCheckpoint best, RecurrentCheckpoint last, int bestEpoch,
            double bestValidationScore, int bestValidationDiverged, int completedEpochs, long metaSteps,
            long skippedSteps, List<EpochRecord> log) {
        public Result {
            log = List.copyOf(log);
        }
    }

    private final BpttConfig config;
    private final ProblemFamily family;
    private final RecurrentNet net;
    private final Map<String, Object> checkpointConfig;
    private final List<Problem> validationProblems;
    private final List<double[]> validationStarts;
    private List<Problem> trainingSplit;

    /**
     * @param config the settings
     * @param family where training and validation problems come from
     */
    public BpttTrainer(BpttConfig config, ProblemFamily family) {
        this.config = config;
        this.family = family;
        this.net = config.spec().create();
        this.checkpointConfig = new LinkedHashMap<>();
        checkpointConfig.put("trainer", Configs.toMap(config));
        Map<String, Object> familyMap = new LinkedHashMap<>();
        familyMap.put("name", family.name());
        familyMap.put("config", family.config());
        checkpointConfig.put("family", familyMap);
        this.validationProblems = new ArrayList<>(config.validationProblems());
        for (int i = 0; i < config.validationProblems(); i++) {
            validationProblems.add(family.sample(Seeds.derive(config.seed(), VALIDATION_SPLIT, i)));
        }
        this.validationStarts = validationProblems.stream().map(p -> p.initialPoint(0)).toList();
    }

    /** The settings. */
    public BpttConfig config() {
        return config;
    }

    /** The network being trained. */
    public RecurrentNet net() {
        return net;
    }

    /** A run without a folder: nothing is written. */
    public Result train(Consumer<EpochRecord> listener) {
        return run(fresh(), null, listener);
    }

    /**
     * A fresh run that checkpoints into {@code folder}.
     *
     * @throws IllegalStateException if the folder already holds a trainer checkpoint (resume it, or choose another)
     */
    public Result train(Path folder, Consumer<EpochRecord> listener) {
        if (Files.exists(folder.resolve(TRAINER_FILE))) {
            throw new IllegalStateException(folder + " already holds a BPTT run (" + TRAINER_FILE + "); resume it or "
                    + "choose another folder");
        }
        return run(fresh(), folder, listener);
    }

    /**
     * Continues the run checkpointed in {@code folder} up to {@link BpttConfig#epochs()} epochs in total. The
     * settings must equal the checkpoint's except for {@link BpttConfig#RESUMABLE_CHANGES}, and the family must be
     * the same.
     *
     * @throws IllegalArgumentException if there is no checkpoint, it is malformed, or it was written with other
     *                                  settings (naming them)
     */
    public Result resume(Path folder, Consumer<EpochRecord> listener) {
        TrainerCheckpoint saved = TrainerCheckpoint.load(folder.resolve(TRAINER_FILE));
        checkCompatible(saved, folder);
        Progress p = new Progress();
        int count = net.parameterCount();
        if (saved.parameters().length != count || saved.bestParameters().length != count) {
            throw new IllegalArgumentException("the checkpoint in " + folder + " holds " + saved.parameters().length
                    + " parameters, the network has " + count);
        }
        p.parameters = saved.parameters();
        p.adam.restore(saved.adamSteps(), saved.firstMoment(), saved.secondMoment());
        p.completedEpochs = saved.completedEpochs();
        p.metaSteps = saved.metaSteps();
        p.skippedSteps = saved.skippedSteps();
        p.wallSeconds = saved.wallSeconds();
        p.bestEpoch = saved.bestEpoch();
        p.bestScore = saved.bestScore();
        p.bestDiverged = saved.bestDiverged();
        p.bestParameters = saved.bestParameters();
        p.log.addAll(readLog(folder.resolve(LOG_FILE), saved.completedEpochs()));
        return run(p, folder, listener);
    }

    private void checkCompatible(TrainerCheckpoint saved, Path folder) {
        BpttConfig stored;
        try {
            stored = Configs.bind(saved.config(), config, "the checkpoint's trainer settings");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("the checkpoint in " + folder + " has unreadable settings: "
                    + e.getMessage(), e);
        }
        Map<String, Object> now = Configs.toMap(config);
        Map<String, Object> then = Configs.toMap(stored);
        List<String> differences = new ArrayList<>();
        for (String key : now.keySet()) {
            if (!BpttConfig.RESUMABLE_CHANGES.contains(key) && !now.get(key).equals(then.get(key))) {
                differences.add(key + " (checkpoint: " + then.get(key) + ", now: " + now.get(key) + ")");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint in " + folder + " was written with other settings: "
                    + String.join(", ", differences) + "; only " + BpttConfig.RESUMABLE_CHANGES
                    + " may change on resume");
        }
        if (!saved.familyName().equals(family.name())
                || !Configs.toJson(saved.familyConfig()).equals(Configs.toJson(family.config()))) {
            throw new IllegalArgumentException("the checkpoint in " + folder + " was trained on family '"
                    + saved.familyName() + "' " + saved.familyConfig() + ", not '" + family.name() + "' "
                    + family.config());
        }
    }

    private static List<EpochRecord> readLog(Path file, int completedEpochs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot resume: the training log " + file + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<EpochRecord> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            EpochRecord r = EpochRecord.parse(line);
            if (r.epoch() <= completedEpochs) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The mutable state of a run: what {@link TrainerCheckpoint} saves. */
    private final class Progress {
        double[] parameters;
        final MetaAdam adam = new MetaAdam(net.parameterCount(), config.metaLearningRate(), config.beta1(),
                config.beta2(), config.epsilon());
        int completedEpochs;
        long metaSteps;
        long skippedSteps;
        double wallSeconds;
        int bestEpoch;
        double bestScore = Double.NaN;
        int bestDiverged = Integer.MAX_VALUE;
        double[] bestParameters;
        final List<EpochRecord> log = new ArrayList<>();
    }

    private Progress fresh() {
        Progress p = new Progress();
        p.parameters = net.initialParameters(Seeds.derive(config.seed(), INIT_SEED));
        return p;
    }

    private Result run(Progress p, Path folder, Consumer<EpochRecord> listener) {
        Map<String, Object> provenance = Configs.toMap(Provenance.capture("bptt-" + config.cell(), config.seed(),
                "BpttTrainer on family '" + family.name() + "'"));
        int n = config.problemsPerEpoch();
        int d = trainingProblem(0).dimension();
        double[] gradient = new double[net.parameterCount()];
        double[] state = new double[Math.multiplyExact(Math.multiplyExact(n, d), net.stateSize())];
        try (Unroll unroll = new Unroll(net, config.lossWeights(), Math.multiplyExact(n, d), config.threads())) {
            if (p.log.isEmpty()) {
                long t0 = System.nanoTime();
                Validation v = validate(p.parameters);
                p.bestEpoch = 0;
                p.bestScore = v.score();
                p.bestDiverged = v.diverged();
                p.bestParameters = p.parameters.clone();
                p.wallSeconds += (System.nanoTime() - t0) * 1e-9;
                EpochRecord r = new EpochRecord(0, 0, Double.NaN, Double.NaN, Double.NaN, 0, v.score(),
                        v.diverged(), true, p.wallSeconds);
                p.log.add(r);
                listener.accept(r);
            }
            for (int epoch = p.completedEpochs; epoch < config.epochs(); epoch++) {
                long t0 = System.nanoTime();
                EpochStats stats = trainEpoch(p, epoch, unroll, state, gradient);
                p.completedEpochs = epoch + 1;
                boolean validate = p.completedEpochs % config.validateEveryEpochs() == 0
                        || p.completedEpochs == config.epochs();
                Validation v = validate ? validate(p.parameters) : null;
                boolean best = v != null && better(v, p);
                if (best) {
                    p.bestEpoch = p.completedEpochs;
                    p.bestScore = v.score();
                    p.bestDiverged = v.diverged();
                    p.bestParameters = p.parameters.clone();
                }
                p.wallSeconds += (System.nanoTime() - t0) * 1e-9;
                EpochRecord r = new EpochRecord(p.completedEpochs, p.metaSteps, stats.meanLoss(),
                        stats.finalObjective(), stats.meanGradientNorm(), p.skippedSteps,
                        v == null ? Double.NaN : v.score(), v == null ? -1 : v.diverged(), best, p.wallSeconds);
                p.log.add(r);
                if (folder != null && (p.completedEpochs % config.checkpointEveryEpochs() == 0
                        || p.completedEpochs == config.epochs())) {
                    checkpoint(folder, p, provenance);
                }
                listener.accept(r);
            }
        }
        return new Result(checkpointOf(p.bestParameters, provenance, p.bestEpoch),
                checkpointOf(p.parameters, provenance, p.completedEpochs), p.bestEpoch, p.bestScore, p.bestDiverged,
                p.completedEpochs, p.metaSteps, p.skippedSteps, p.log);
    }

    private record EpochStats(double meanLoss, double finalObjective, double meanGradientNorm) {
    }

    private EpochStats trainEpoch(Progress p, int epoch, Unroll unroll, double[] state, double[] gradient) {
        int n = config.problemsPerEpoch();
        List<Problem> problems = new ArrayList<>(n);
        List<double[]> starts = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            long k = (long) epoch * n + slot;
            problems.add(trainingProblem(k));
            starts.add(problems.get(slot).initialPoint(trainingRestart(k)));
        }
        ProblemBatch batch = ProblemBatch.startingAt(problems, starts);
        RecurrentNet.Kernel kernel = net.kernel(p.parameters);
        kernel.resetState(state, 0, batch.size() * batch.dimension());
        double lossSum = 0;
        double normSum = 0;
        int applied = 0;
        boolean abandoned = false;
        for (int u = 0; u < config.unrollsPerEpoch(); u++) {
            double loss = unroll.run(batch, kernel, state, u == 0, gradient);
            double norm = norm(gradient);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                p.skippedSteps++;
                abandoned = true;
                break;
            }
            clip(gradient, norm);
            p.adam.step(p.parameters, gradient);
            p.metaSteps++;
            applied++;
            lossSum += loss;
            normSum += norm;
            kernel = net.kernel(p.parameters);
        }
        return new EpochStats(applied == 0 ? Double.NaN : lossSum / applied,
                abandoned ? Double.NaN : unroll.finalMeanObjective(), applied == 0 ? Double.NaN : normSum / applied);
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

    /** Training problem k of the run (k = epoch·problemsPerEpoch + slot); see {@link BpttConfig#trainingProblems}. */
    Problem trainingProblem(long k) {
        if (config.trainingProblems().equals("stream")) {
            return sampleTrainingProblem(k);
        }
        List<Problem> split = trainingSplit();
        return split.get((int) (k % split.size()));
    }

    /** The restart training problem k starts from. */
    int trainingRestart(long k) {
        return config.trainingProblems().equals("stream") ? 0 : Math.toIntExact(k / trainingSplit().size());
    }

    private Problem sampleTrainingProblem(long k) {
        return family.sample(Seeds.derive(config.seed(), TRAINING_SPLIT, k));
    }

    private List<Problem> trainingSplit() {
        if (trainingSplit == null) {
            List<Problem> split = family.problems(TRAINING_SPLIT, config.seed());
            if (split.isEmpty()) {
                throw new ConfigException("family '" + family.name() + "' has an empty '" + TRAINING_SPLIT
                        + "' split; use trainingProblems: stream");
            }
            trainingSplit = split;
        }
        return trainingSplit;
    }

    private record Validation(double score, int diverged) {
    }

    private Validation validate(double[] parameters) {
        RecurrentLearnedOptimizer optimizer = new RecurrentLearnedOptimizer(net.kernel(parameters), Map.of());
        RolloutResult result = Rollout.run(optimizer, validationProblems, validationStarts,
                Rollout.Options.of(config.validationSteps()), RolloutListener.NONE);
        return new Validation(config.criterion().score(result), result.divergedCount());
    }

    /** Fewer diverged validation runs first, then the lower score (NaN counting as worst); ties keep the old one. */
    private static boolean better(Validation v, Progress p) {
        if (v.diverged() != p.bestDiverged) {
            return v.diverged() < p.bestDiverged;
        }
        double score = Double.isNaN(v.score()) ? Double.POSITIVE_INFINITY : v.score();
        double best = Double.isNaN(p.bestScore) ? Double.POSITIVE_INFINITY : p.bestScore;
        return score < best;
    }

    private RecurrentCheckpoint checkpointOf(double[] parameters, Map<String, Object> provenance, int epoch) {
        Map<String, Object> prov = new LinkedHashMap<>(provenance);
        prov.put("epoch", epoch);
        return new RecurrentCheckpoint(net.spec(), parameters, checkpointConfig, prov);
    }

    private void checkpoint(Path folder, Progress p, Map<String, Object> provenance) {
        checkpointOf(p.bestParameters, provenance, p.bestEpoch).save(folder.resolve(BEST_FILE));
        checkpointOf(p.parameters, provenance, p.completedEpochs).save(folder.resolve(LAST_FILE));
        AtomicFiles.writeString(folder.resolve(LOG_FILE), EpochRecord.csv(p.log));
        new TrainerCheckpoint(Configs.toMap(config), family.name(), family.config(), p.completedEpochs, p.metaSteps,
                p.skippedSteps, p.wallSeconds, p.parameters, p.adam.steps(), p.adam.firstMoment(),
                p.adam.secondMoment(), p.bestEpoch, p.bestScore, p.bestDiverged, p.bestParameters)
                .save(folder.resolve(TRAINER_FILE));
    }
}
