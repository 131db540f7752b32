package org.l2o4j.policysearch.ppo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.policy.CheckpointFields;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * PPO ({@link Ppo}) on the optimization MDP ({@link OptimizationEpisodes}) as a {@link MetaTrainer}: each iteration is
 * a unit with a log row; a checkpoint holds the policy ({@value LearnedPolicyProvider#FILE}, whose mean is the learned
 * optimizer) and {@value #STATE_FILE} (θ, log σ, the value network, both Adams, the problem-steps spent). The input
 * normalization is fitted on the states gradient descent visits, as for the other policy-search trainers.
 */
public final class PpoTrainer implements MetaTrainer {

    /** The {@code kind} of a PPO training file. */
    public static final String KIND = "ppo-training";
    /** The algorithm's state in a checkpoint. */
    public static final String STATE_FILE = "ppo-state.json";
    /** The log's columns; {@code seconds} is the timing. */
    public static final String LOG_HEADER = "iteration,problem_steps,mean_return,policy_loss,value_loss,mean_std,"
            + "seconds";
    private static final String FORMAT = "l2o4j-ppo-state";

    private final TrainingHeader header;
    private final PpoSettings settings;

    /**
     * @param header   the training file's header
     * @param settings the trainer's settings
     */
    public PpoTrainer(TrainingHeader header, PpoSettings settings) {
        this.header = header;
        this.settings = settings;
    }

    /** Registers {@link PpoTrainer} as {@value #KIND}; a resume may raise {@code iterations}. */
    public static final class Provider implements TrainerProvider {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String description() {
            return "Li & Malik's Gaussian MLP policy by proximal policy optimization (clipped surrogate, GAE, "
                    + "value baseline)";
        }

        @Override
        public Set<String> resumableKeys() {
            return Set.of("iterations", "checkpointEvery");
        }

        @Override
        public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
            return new PpoTrainer(header, header.bind(settings, PpoSettings.DEFAULTS, source));
        }
    }

    @Override
    public Map<String, Object> settings() {
        return Configs.toMap(settings);
    }

    @Override
    public Budget budget() {
        return new Budget("iterations", settings.iterations(), "iteration");
    }

    @Override
    public Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine) {
        List<Problem> functions = header.trainingFunctions(settings.trainSplit(), settings.conditions());
        OptimizationEpisodes environment = new OptimizationEpisodes(settings.featurePreset(), settings.horizon(),
                functions, settings.relativeCost(), settings.divergedCostFactor());
        folder.logHeader(LOG_HEADER);
        GaussianMlpPolicy initial;
        long done = 0;
        long spentBefore;
        Ppo.State restored = null;
        if (folder.resumeFrom().isPresent()) {
            TrainingFolder.Checkpoint c = folder.resumeFrom().get();
            initial = PolicyCheckpoint.load(c.file(LearnedPolicyProvider.FILE)).policy();
            SavedState saved = SavedState.read(c.file(STATE_FILE), initial.architecture(),
                    settings.algorithm().valueHiddenUnits());
            done = saved.iteration();
            spentBefore = saved.problemSteps();
            restored = saved.state();
        } else {
            PolicyEpisodes episodes = new PolicyEpisodes(settings.featurePreset(), settings.horizon(), functions,
                    settings.hiddenUnits());
            PolicyParameters start = PolicyParameters.starting(settings.initialPolicy(), episodes,
                    settings.normalizationStepSize(), "ppo-policy");
            initial = GaussianMlpPolicy.initialize(episodes.architecture(), Seeds.derive(header.trainerSeed(),
                    "ppo-policy-init"));
            if (start.start().length > 0) {
                initial.setParameters(start.start());
            }
            initial.setNormalization(start.normalization());
            double[] logStd = new double[initial.architecture().outputDimension()];
            Arrays.fill(logStd, Math.log(settings.initialStd()));
            initial.setLogStd(logStd);
            spentBefore = episodes.problemSteps();
        }
        Ppo ppo = new Ppo(environment, settings.algorithm(), header.trainerSeed(), initial);
        if (restored != null) {
            ppo.restore(restored);
        }
        listener.started(done, settings.iterations(), String.format(Locale.ROOT, "PPO on %d functions from %s/%s, "
                + "%d iterations of %d episodes x %d steps, %d epochs in minibatches of %d", functions.size(),
                header.family(), settings.trainSplit(), settings.iterations(), settings.episodes(),
                settings.horizon(), settings.epochs(), settings.minibatch()));
        long spent = spentBefore;
        for (long it = done; it < settings.iterations(); it++) {
            long t0 = System.nanoTime();
            Ppo.Stats s = ppo.iterate(it);
            long iteration = it + 1;
            spent = spentBefore + environment.problemSteps();
            folder.log(String.format(Locale.ROOT, "%d,%d,%.17g,%.17g,%.17g,%.6g,%.3f", iteration, spent,
                    s.meanReturn(), s.policyLoss(), s.valueLoss(), s.meanStd(), (System.nanoTime() - t0) * 1e-9));
            listener.progressed(iteration, String.format(Locale.ROOT, "iteration %d: mean return %.5g, policy loss "
                    + "%.3g, value loss %.3g, mean sigma %.3g", iteration, s.meanReturn(), s.policyLoss(),
                    s.valueLoss(), s.meanStd()));
            if (iteration % settings.checkpointEvery() == 0 || iteration == settings.iterations()) {
                checkpoint(folder, iteration, spent, ppo);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iterations", settings.iterations());
        summary.put("problemSteps", spent);
        summary.put("policy", folder.latest().map(c -> c.file(LearnedPolicyProvider.FILE).toAbsolutePath()
                .toString()).orElse(""));
        return summary;
    }

    /**
     * What {@value #STATE_FILE} holds, read and checked against the shapes of the policy and the value network; every
     * refusal is a {@link org.l2o4j.policy.CheckpointException} naming the file and the field.
     *
     * @param iteration    iterations done
     * @param problemSteps problem-steps spent
     * @param state        θ, log σ, the value network and both Adams
     */
    record SavedState(long iteration, long problemSteps, Ppo.State state) {

        /** Reads a state file for a policy of shape {@code policy} and a value network of that many hidden units. */
        static SavedState read(Path file, MlpArchitecture policy, int valueHiddenUnits) {
            CheckpointFields f = new CheckpointFields("PPO state", file);
            JsonNode root = f.readRoot(FORMAT, 1);
            int n = policy.parameterCount();
            int dU = policy.outputDimension();
            int nV = Ppo.valueShape(policy, valueHiddenUnits).parameterCount();
            JsonNode value = f.object(root, "value");
            return new SavedState(f.count(root, "iteration"), f.count(root, "problemSteps"), new Ppo.State(
                    f.numbers(root, "policy", n), f.numbers(root, "logStd", dU), f.numbers(value, "value.parameters", nV),
                    adam(f, f.object(root, "policyAdam"), "policyAdam", n + dU),
                    adam(f, f.object(root, "valueAdam"), "valueAdam", nV)));
        }

        private static Ppo.AdamState adam(CheckpointFields f, JsonNode node, String name, int length) {
            return new Ppo.AdamState(f.count(node, name + ".steps"), f.numbers(node, name + ".firstMoment", length),
                    f.numbers(node, name + ".secondMoment", length));
        }
    }

    private void checkpoint(TrainingFolder folder, long iteration, long spent, Ppo ppo) {
        Ppo.State s = ppo.state();
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        root.put("iteration", iteration);
        root.put("problemSteps", spent);
        Configs.putNumbers(root, "policy", s.policy());
        Configs.putNumbers(root, "logStd", s.logStd());
        Configs.putNumbers(root.putObject("value"), "parameters", s.value());
        putAdam(root.putObject("policyAdam"), s.policyAdam());
        putAdam(root.putObject("valueAdam"), s.valueAdam());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("preset", Configs.toMap(settings.featurePreset()));
        config.put("trainer", KIND);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", KIND);
        provenance.put("iteration", iteration);
        PolicyCheckpoint policy = new PolicyCheckpoint(ppo.policy(), settings.featurePreset().name(), config,
                provenance);
        folder.save(iteration, "iteration", dir -> {
            policy.save(dir.resolve(LearnedPolicyProvider.FILE));
            AtomicFiles.writeString(dir.resolve(STATE_FILE), Configs.toJson(root) + "\n");
        });
    }

    private static void putAdam(ObjectNode node, Ppo.AdamState adam) {
        node.put("steps", adam.steps());
        Configs.putNumbers(node, "firstMoment", adam.firstMoment());
        Configs.putNumbers(node, "secondMoment", adam.secondMoment());
    }

    @Override
    public TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint) {
        return LearnedPolicyProvider.fromCheckpoint(checkpoint.file(LearnedPolicyProvider.FILE), "ppo-policy");
    }
}
