package org.l2o4j.rl4j.dqn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.mdp.rules.GradientDescent;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.rl4j.ObservationScaling;
import org.l2o4j.rl4j.OptimizationEnvironment;
import org.l2o4j.rl4j.OptimizationObservation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * RL4J's own DQN ({@code QLearningDiscreteDense}, double DQN) as a meta-trainer of a step-size controller on the
 * optimization MDP ({@link OptimizationEnvironment}): no agent of L2O4J's own. Training runs in rounds of
 * {@code stepsPerRound} DQN steps, each a fresh RL4J learning object (its own seed, environment episode stream,
 * ε schedule from 1 to {@code minEpsilon} over half the round, and replay memory) on the Q-network the previous round
 * left, with a checkpoint ({@value #NETWORK_FILE}: the network, its Adam state and the controller's settings) after
 * each; RL4J's state beyond the network does not survive a round, which is what makes a round a resume point. The
 * result is the greedy policy, the optimizer {@value DqnStepControlProvider#NAME}.
 *
 * <p>RL4J 1.0.0-M1.1 builds its dense Q-network in float32; the MDP, its features and rewards stay double.
 */
public final class DqnTrainer implements MetaTrainer {

    /** The {@code kind} of a DQN training file. */
    public static final String KIND = "rl4j-dqn-training";
    /** The network in a checkpoint. */
    public static final String NETWORK_FILE = "q-network.json";
    /** The log's columns; {@code seconds} is the timing. */
    public static final String LOG_HEADER = "round,dqn_steps,problem_steps,episodes,seconds";

    private final TrainingHeader header;
    private final DqnSettings settings;

    /**
     * @param header   the training file's header
     * @param settings the trainer's settings
     */
    public DqnTrainer(TrainingHeader header, DqnSettings settings) {
        this.header = header;
        this.settings = settings;
    }

    /** Registers {@link DqnTrainer} as {@value #KIND}; a resume may raise {@code rounds}. */
    public static final class Provider implements TrainerProvider {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String description() {
            return "a step-size controller (multiples of the gradient step) by RL4J's DQN on the optimization MDP";
        }

        @Override
        public Set<String> resumableKeys() {
            return Set.of("rounds");
        }

        @Override
        public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
            return new DqnTrainer(header, header.bind(settings, DqnSettings.DEFAULTS, source));
        }
    }

    /** The action set: −m·α∇f for every multiplier m. */
    static List<StepRule> actions(DqnSettings s) {
        List<StepRule> out = new ArrayList<>();
        for (double m : s.multipliers()) {
            out.add(new GradientDescent(m * s.baseStepSize()));
        }
        return out;
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("rounds", settings.rounds(), "round");
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        List<Problem> functions = header.trainingFunctions(settings.trainSplit(), settings.conditions());
        OptimizationEnvironment.Settings environment = new OptimizationEnvironment.Settings(settings.featurePreset(),
                settings.horizon(), DivergenceRule.DEFAULT, ObservationScaling.S33);
        folder.logHeader(LOG_HEADER);
        long done = folder.resumeFrom().map(TrainingFolder.Checkpoint::step).orElse(0L);
        MultiLayerNetwork network = folder.resumeFrom()
                .map(c -> QNetworkFile.load(c.file(NETWORK_FILE)).network()).orElse(null);
        long spent = folder.resumedCount("problem_steps");
        listener.started(done, settings.rounds(), String.format(Locale.ROOT, "DQN step-size control on %d functions "
                + "from %s/%s, %d actions x alpha = %s, %d rounds of %d steps", functions.size(), header.family(),
                settings.trainSplit(), settings.multipliers().size(), settings.baseStepSize(), settings.rounds(),
                settings.stepsPerRound()));
        for (long round = done; round < settings.rounds(); round++) {
            long t0 = System.nanoTime();
            long seed = Seeds.derive(header.trainerSeed(), "dqn-round", round);
            OptimizationEnvironment env = new OptimizationEnvironment(functions, actions(settings), environment,
                    seed);
            QLearningConfiguration conf = QLearningConfiguration.builder()
                    .seed(seed)
                    .maxEpochStep(settings.horizon())
                    .maxStep(settings.stepsPerRound())
                    .expRepMaxSize(settings.stepsPerRound())
                    .batchSize(settings.batchSize())
                    .targetDqnUpdateFreq(settings.targetUpdate())
                    .updateStart(settings.batchSize())
                    .rewardFactor(1.0)
                    .gamma(settings.gamma())
                    .errorClamp(1.0)
                    .minEpsilon(settings.minEpsilon())
                    .epsilonNbStep(settings.stepsPerRound() / 2)
                    .doubleDQN(true)
                    .build();
            QLearningDiscreteDense<OptimizationObservation> learning = network == null
                    ? new QLearningDiscreteDense<>(env, DQNDenseNetworkConfiguration.builder()
                            .updater(new Adam(settings.learningRate()))
                            .numHiddenNodes(settings.hiddenNodes())
                            .numLayers(settings.layers())
                            .build(), conf)
                    : new QLearningDiscreteDense<>(env, new DQN(network), conf);
            learning.train();
            network = (MultiLayerNetwork) ((DQN) learning.getNeuralNet()).getNeuralNetworks()[0];
            long completed = round + 1;
            spent += env.gradientEvaluations();
            folder.log(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f", completed, learning.getStepCount(), spent,
                    env.episodes(), (System.nanoTime() - t0) * 1e-9));
            listener.progressed(completed, String.format(Locale.ROOT, "round %d: %d DQN steps, %d episodes, %d "
                    + "problem-steps so far", completed, learning.getStepCount(), env.episodes(), spent));
            QNetworkFile file = new QNetworkFile(network, settings, ObservationScaling.S33.multiplier(),
                    ObservationScaling.S33.clipMagnitude());
            folder.save(completed, "round", dir -> file.save(dir.resolve(NETWORK_FILE)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rounds", settings.rounds());
        summary.put("problemSteps", spent);
        return summary;
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return new TrainedOptimizer(DqnStepControlProvider.NAME, "dqn-policy", Map.of("checkpoint",
                checkpoint.file(NETWORK_FILE).toAbsolutePath().toString()));
    }
}
