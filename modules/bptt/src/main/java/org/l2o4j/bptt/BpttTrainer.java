package org.l2o4j.bptt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.GradientLoopConfig;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.core.training.gradient.Validation;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;

/**
 * Meta-trains a recurrent learned optimizer (Andrychowicz et al.'s LSTM, Maheswaranathan et al.'s GRU) by truncated
 * backpropagation through the unrolled optimization: the {@link BpttEstimator} run by the shared outer loop
 * {@link GradientMetaTrainer} (Adam, clipping, NaN guard, validation-best network, checkpoints, resume). Settings:
 * {@link BpttConfig}. Validation functions come from the {@value #VALIDATION_SPLIT} seed stream of the family, disjoint
 * from training and test functions.
 *
 * <p>Lifecycle: construct (nothing is sampled); {@link #train(TrainingFolder, TrainingListener)} into a run folder,
 * or {@link #train(TrainingListener)} in memory.
 */
public final class BpttTrainer implements MetaTrainer {

    /** The {@code kind} of a BPTT training file. */
    public static final String KIND = "bptt-training";
    /** Label of the seed stream of the validation problems (a family's {@code validation} split uses it too). */
    public static final String VALIDATION_SPLIT = "validation";

    private final BpttConfig config;
    private final Supplier<ProblemFamily> families;
    private ProblemFamily family;
    private final GradientMetaTrainer loop;

    /**
     * @param config the settings
     * @param family where training and validation problems come from
     */
    public BpttTrainer(BpttConfig config, ProblemFamily family) {
        this(config, () -> family);
    }

    /** A trainer whose family is made only when training starts ({@link BpttTrainerProvider}). */
    BpttTrainer(BpttConfig config, Supplier<ProblemFamily> families) {
        this.config = config;
        this.families = families;
        Map<String, Object> settings = settingsOf(config);
        this.loop = new GradientMetaTrainer(KIND, settings, loopConfig(config),
                engine -> new BpttEstimator(config, family()), this::validation, this::headline,
                file -> BpttEstimator.resultOptimizer(config, file));
    }

    /** The trainer's keys of a training file: every setting but the header's seed and threads. */
    static Map<String, Object> settingsOf(BpttConfig config) {
        Map<String, Object> settings = config.toMap();
        settings.remove("seed");
        settings.remove("threads");
        return settings;
    }

    private static GradientLoopConfig loopConfig(BpttConfig c) {
        return new GradientLoopConfig(c.epochs(), GradientLoopConfig.NO_CEILING, c.metaLearningRate(), c.beta1(),
                c.beta2(), c.epsilon(), c.clipElementwise(), c.clipGlobalNorm(), c.validateEveryEpochs(),
                c.checkpointEveryEpochs(), c.metaL2(), c.learningRateHalvingSteps());
    }

    /** The settings. */
    public BpttConfig config() {
        return config;
    }

    @Override
    public Map<String, Object> settings() {
        return settingsOf(config);
    }

    @Override
    public Budget budget() {
        return loop.budget();
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        return loop.train(folder, listener);
    }

    /** A run without a folder: nothing is written. */
    public GradientMetaTrainer.Result train(TrainingListener listener) {
        return loop.run(null, listener);
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return loop.trainedOptimizer(checkpoint);
    }

    /** Parameters as the recurrent optimizer checkpoint this trainer writes (e.g. a run's best). */
    public RecurrentCheckpoint checkpoint(double[] theta) {
        try (BpttEstimator estimator = new BpttEstimator(config, family())) {
            return estimator.checkpoint(theta, Map.of("trainer", KIND));
        }
    }

    private synchronized ProblemFamily family() {
        if (family == null) {
            family = families.get();
        }
        return family;
    }

    private Validation validation() {
        List<Problem> problems = new ArrayList<>(config.validationProblems());
        for (int i = 0; i < config.validationProblems(); i++) {
            problems.add(family().sample(Seeds.derive(config.seed(), VALIDATION_SPLIT, i)));
        }
        return new Validation(problems, problems.stream().map(p -> p.initialPoint(0)).toList(),
                config.validationSteps(), config.validationCriterion(), config.criterion()::score);
    }

    private String headline() {
        return String.format(Locale.ROOT, "%s %d x %d (%d parameters) on %s, %d epochs of %d problems x %d steps in "
                + "unrolls of %d, validated every %d epochs on %d problems", config.cell(), config.layers(),
                config.hiddenUnits(), config.spec().create().parameterCount(), family().name(), config.epochs(),
                config.problemsPerEpoch(), config.stepsPerProblem(), config.unrollLength(),
                config.validateEveryEpochs(), config.validationProblems());
    }
}
