package org.l2o4j.gps.algorithm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.gps.init.ControllerInitializer;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.init.RandomGaussianInitializer;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.LearnedPolicyProvider;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * Guided policy search for learning to optimize (Li &amp; Malik, arXiv 1606.01885; gps.md §3): the outer loop that
 * starts every condition from its initial controller (gps.md §4.12) and a random network, then runs
 * {@link GpsConfig#iterations()} iterations of the {@link CouplingStrategy} that {@link GpsConfig#coupling()} names
 * ({@link Mdgps}, Montgomery &amp; Levine 2016, by default; {@link Badmm}, Levine et al. 2016, as Li &amp; Malik ran
 * it), and hands an {@link IterationRecord} per iteration to a listener.
 *
 * <p><b>Checkpoints.</b> With a {@link TrainingFolder}, every iteration k is a checkpoint ({@code iteration-00000k/}
 * written through the folder, which checksums the files and points {@code latest.json} at them atomically):
 * {@value #POLICY_FILE} (the network as a {@link PolicyCheckpoint}, with the {@link GpsConfig}, and so the feature
 * preset, in its config), {@value #TRAINER_FILE} ({@link TrainerCheckpoint}: controllers, η, stepMult, the step-size
 * record, BADMM's duals, the S-step's Adam state) and {@value #PRIORS_FILE} ({@link PriorCheckpoint}: the GMM priors'
 * buffers, mixtures and initializations). The stored configuration leaves out {@code threads} and {@code iterations},
 * the settings a resume may change, and nothing holds a time stamp: two runs with one seed write byte-identical
 * files on any thread count, and a resumed run equals an uninterrupted one bit for bit.
 *
 * <p>Lifecycle: construct with configuration and conditions (nothing runs); call {@link #train} or {@link #run}
 * once per run. The trainer holds no state between calls.
 */
public final class GuidedPolicySearch {

    /** The policy file of a checkpoint: what {@code predicted-step-descent} loads. */
    public static final String POLICY_FILE = LearnedPolicyProvider.FILE;
    /** The trainer-state file of a checkpoint. */
    public static final String TRAINER_FILE = "trainer.json";
    /** The GMM priors' state in a checkpoint. */
    public static final String PRIORS_FILE = "priors.bin";
    /** The unit of work, and the prefix of checkpoint folders. */
    public static final String UNIT = "iteration";
    /** The configuration keys a resume may change, left out of what checkpoints store. */
    static final List<String> RESUMABLE = List.of("iterations", "threads");
    /** The {@link Seeds#derive} label of the network's initial weights. */
    public static final String POLICY_INIT_SEED = "gps-policy-init";
    /** The {@link Seeds#derive} label of the S-step's minibatch shuffles. */
    public static final String REGRESSION_SEED = "gps-policy-regression";

    private final GpsConfig config;
    private final ConditionSource source;
    private final List<Condition> conditions;

    /**
     * What a run ended with.
     *
     * @param policy              the trained global policy
     * @param states              the per-condition states after the last iteration
     * @param completedIterations the iterations done in total, including those before a resume
     */
    public record Result(GaussianMlpPolicy policy, List<ConditionState> states, int completedIterations) {

        public Result {
            states = List.copyOf(states);
        }
    }

    /**
     * @param config     the settings
     * @param conditions the training conditions (problems with an analytic Hessian, all of one dimension d)
     */
    public GuidedPolicySearch(GpsConfig config, List<Condition> conditions) {
        this(config, ConditionSource.of(conditions));
    }

    /**
     * @param config the settings
     * @param source the training conditions, in a form that engine units can carry (a run on a cluster needs one
     *               that rebuilds them, {@link ConditionSource#training})
     */
    public GuidedPolicySearch(GpsConfig config, ConditionSource source) {
        this.config = Objects.requireNonNull(config, "config");
        this.source = Objects.requireNonNull(source, "source");
        this.conditions = List.copyOf(source.conditions());
        if (this.conditions.isEmpty()) {
            throw new IllegalArgumentException("GPS needs at least one training condition, got 0");
        }
    }

    /** The configuration. */
    public GpsConfig config() {
        return config;
    }

    /** A fresh run without checkpoints. */
    public Result train(Consumer<IterationRecord> listener) {
        return run(null, listener);
    }

    /**
     * Trains, checkpointing every iteration into {@code folder}: from the folder's latest checkpoint if it has one
     * (restoring the network, the controllers, η, stepMult, the step-size record, BADMM's duals, the S-step's Adam
     * state and the GMM priors), otherwise from the start; without writing anything when {@code folder} is null. The
     * listener sees each iteration's record before its checkpoint is written.
     *
     * @throws IllegalArgumentException if the checkpoint was written with another configuration (apart from the
     *                                  iteration budget and the thread count) or for other conditions
     */
    public Result run(TrainingFolder folder, Consumer<IterationRecord> listener) {
        try (Engine engine = new LocalEngine(config.threads())) {
            return run(folder, listener, engine);
        }
    }

    /**
     * {@link #run(TrainingFolder, Consumer)} with the per-condition phases on {@code engine}; every engine gives the
     * same bytes.
     */
    public Result run(TrainingFolder folder, Consumer<IterationRecord> listener, Engine engine) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(engine, "engine");
        if (folder != null && folder.resumeFrom().isPresent()) {
            Path checkpoint = folder.resumeFrom().get().directory();
            TrainerCheckpoint saved = TrainerCheckpoint.load(checkpoint.resolve(TRAINER_FILE));
            requireSameConfig(saved.config(), checkpoint);
            if (saved.states().size() != conditions.size()) {
                throw new IllegalArgumentException(checkpoint + " holds " + saved.states().size()
                        + " conditions but this trainer has " + conditions.size());
            }
            GaussianMlpPolicy policy = PolicyCheckpoint.load(checkpoint.resolve(POLICY_FILE)).policy();
            Path priors = checkpoint.resolve(PRIORS_FILE);
            return iterate(folder, saved.completedIterations(), saved.states(), policy, saved.regression(),
                    Files.exists(priors) ? PriorCheckpoint.load(priors) : null, listener, engine);
        }
        ControllerInitializer initializer = initializer();
        List<ConditionState> states = ParallelMap.map(conditions.size(), config.threads(),
                m -> ConditionState.initial(initializer.initialController(conditions.get(m)), config.initialEta()));
        int d = conditions.get(0).dimension();
        MlpArchitecture architecture = new MlpArchitecture(config.preset().observationLayout(d).dimension(),
                config.hiddenUnits(), d, config.activation());
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(architecture,
                Seeds.derive(config.seed(), POLICY_INIT_SEED));
        return iterate(folder, 0, states, policy, null, null, listener, engine);
    }

    /**
     * Iterations from {@code firstIteration}; {@code regressionState} continues a saved S-step and {@code priors}
     * saved GMM priors (null: fresh).
     */
    private Result iterate(TrainingFolder folder, int firstIteration, List<ConditionState> initialStates,
            GaussianMlpPolicy policy, WeightedPolicyRegression.State regressionState, PriorCheckpoint priors,
            Consumer<IterationRecord> listener, Engine engine) {
        WeightedPolicyRegression regression = new WeightedPolicyRegression(policy,
                config.regression().withSeed(Seeds.derive(config.seed(), REGRESSION_SEED)));
        if (regressionState != null) {
            regression.restore(regressionState);
        }
        CouplingStrategy coupling = switch (config.coupling()) {
            case MDGPS -> new Mdgps(config, source, policy, regression, engine);
            case BADMM -> new Badmm(config, source, policy, regression, engine);
        };
        if (priors != null) {
            coupling.restorePriors(priors);
        }
        List<ConditionState> states = initialStates;
        for (int i = firstIteration; i < config.iterations(); i++) {
            CouplingStrategy.Outcome outcome = coupling.iterate(i, states);
            states = outcome.states();
            listener.accept(outcome.record());
            if (folder != null) {
                checkpoint(folder, i + 1, states, policy, regression.state(), coupling.priorCheckpoint());
            }
        }
        return new Result(policy, states, Math.max(firstIteration, config.iterations()));
    }

    private void checkpoint(TrainingFolder folder, int completed, List<ConditionState> states,
            GaussianMlpPolicy policy, WeightedPolicyRegression.State regression, PriorCheckpoint priors) {
        Map<String, Object> stored = storedConfig();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", "GuidedPolicySearch (" + config.coupling() + ")");
        provenance.put("completedIterations", completed);
        provenance.put("seed", config.seed());
        PolicyCheckpoint policyCheckpoint = new PolicyCheckpoint(policy, config.preset().name(), stored, provenance);
        TrainerCheckpoint trainer = new TrainerCheckpoint(completed, Configs.json().valueToTree(stored), states,
                regression.adamSteps(), regression);
        folder.save(completed, UNIT, dir -> {
            policyCheckpoint.save(dir.resolve(POLICY_FILE));
            trainer.save(dir.resolve(TRAINER_FILE));
            if (priors.conditions().stream().anyMatch(c -> c.dynamics() != null || c.policy() != null)) {
                priors.save(dir.resolve(PRIORS_FILE));
            }
        });
    }

    /**
     * The configuration as checkpoints store it: without the settings a resume may change, and without
     * {@code divergedSampleRedraws} when it is 0, so that checkpoints written before the setting existed resume and
     * runs without redraws keep their bytes.
     */
    private Map<String, Object> storedConfig() {
        Map<String, Object> stored = Configs.toMap(config);
        RESUMABLE.forEach(stored::remove);
        if (config.divergedSampleRedraws() == 0) {
            stored.remove("divergedSampleRedraws");
        }
        return stored;
    }

    /** The stored configuration must be this one, apart from the iteration budget and the thread count. */
    private void requireSameConfig(JsonNode stored, Path where) {
        String expected = Configs.toJson(storedConfig());
        String actual = Configs.toJson(stored);
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("the checkpoint in " + where + " was written with another"
                    + " configuration (only iterations and threads may change on resume); stored: "
                    + actual.replaceAll("\\s+", "") + "; current: " + expected.replaceAll("\\s+", ""));
        }
    }

    private ControllerInitializer initializer() {
        return switch (config.initialController()) {
            case MOMENTUM_GRID -> new MomentumGridInitializer(config.preset(), config.horizon(),
                    MomentumGridInitializer.LI_MALIK_MOMENTA, MomentumGridInitializer.LI_MALIK_STEP_SIZES,
                    config.initialActionVariance(), DivergenceRule.DEFAULT);
            case RANDOM_GAUSSIAN -> new RandomGaussianInitializer(config.preset(), config.horizon(),
                    config.initialActionVariance());
        };
    }
}
