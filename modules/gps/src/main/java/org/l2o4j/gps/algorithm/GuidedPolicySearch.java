package org.l2o4j.gps.algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.ControllerInitializer;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.init.RandomGaussianInitializer;
import org.l2o4j.gps.sampling.ParallelConditions;
import org.l2o4j.policy.GaussianMlpPolicy;
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
 * <p><b>Checkpoints.</b> With a folder, every iteration k writes {@code iteration-000k/policy.json} (the network as a
 * {@link PolicyCheckpoint}, with the whole {@link GpsConfig}, and so the feature preset, in its config) and
 * {@code iteration-000k/trainer.json} ({@link TrainerCheckpoint}), then atomically points {@code latest.json} at that
 * folder and deletes the previous one; a crash therefore leaves either the old or the new checkpoint, never a mix.
 * The files hold no time stamps: two runs with the same configuration and seed write byte-identical files.
 * {@link #resume} continues from {@code latest.json} until {@link GpsConfig#iterations()}; it restores the network,
 * the controllers, η, stepMult, the step-size record and BADMM's duals ν_t, λK_t, λk_t, and restarts what
 * {@link TrainerCheckpoint} lists as not saved (GMM warm starts, Adam moments).
 *
 * <p>Lifecycle: construct with configuration and conditions (nothing runs); call {@link #train} or {@link #resume}
 * once per run. The trainer holds no state between calls.
 */
public final class GuidedPolicySearch {

    /** The pointer file of a checkpoint folder. */
    public static final String LATEST = "latest.json";
    /** The policy file inside an iteration folder. */
    public static final String POLICY_FILE = "policy.json";
    /** The trainer-state file inside an iteration folder. */
    public static final String TRAINER_FILE = "trainer.json";
    /** The {@link Seeds#derive} label of the network's initial weights. */
    public static final String POLICY_INIT_SEED = "gps-policy-init";
    /** The {@link Seeds#derive} label of the S-step's minibatch shuffles. */
    public static final String REGRESSION_SEED = "gps-policy-regression";

    private final GpsConfig config;
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
        this.config = Objects.requireNonNull(config, "config");
        this.conditions = List.copyOf(conditions);
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
     * A fresh run that checkpoints into {@code folder} after every iteration.
     *
     * @throws IllegalStateException if the folder already holds a checkpoint (resume it, or choose another folder)
     */
    public Result train(Path folder, Consumer<IterationRecord> listener) {
        Objects.requireNonNull(folder, "folder");
        if (Files.exists(folder.resolve(LATEST))) {
            throw new IllegalStateException(folder + " already holds a GPS checkpoint (" + LATEST + "); call resume"
                    + " to continue it, or train into an empty folder");
        }
        return run(folder, listener);
    }

    private Result run(Path folder, Consumer<IterationRecord> listener) {
        Objects.requireNonNull(listener, "listener");
        ControllerInitializer initializer = initializer();
        List<ConditionState> states = ParallelConditions.map(conditions.size(), config.threads(),
                m -> ConditionState.initial(initializer.initialController(conditions.get(m)), config.initialEta()));
        int d = conditions.get(0).dimension();
        MlpArchitecture architecture = new MlpArchitecture(config.preset().observationLayout(d).dimension(),
                config.hiddenUnits(), d, config.activation());
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(architecture,
                Seeds.derive(config.seed(), POLICY_INIT_SEED));
        return iterate(folder, 0, states, policy, null, listener);
    }

    /**
     * Continues the run checkpointed in {@code folder} up to {@link GpsConfig#iterations()} iterations in total. The
     * configuration must equal the checkpoint's except for {@code iterations} and {@code threads}.
     *
     * @throws IllegalArgumentException if there is no checkpoint, it is malformed, or its configuration differs
     */
    public Result resume(Path folder, Consumer<IterationRecord> listener) {
        Objects.requireNonNull(listener, "listener");
        Path iterationFolder = latestIterationFolder(folder);
        TrainerCheckpoint saved = TrainerCheckpoint.load(iterationFolder.resolve(TRAINER_FILE));
        requireSameConfig(saved.config(), iterationFolder);
        if (saved.states().size() != conditions.size()) {
            throw new IllegalArgumentException(iterationFolder + " holds " + saved.states().size()
                    + " conditions but this trainer has " + conditions.size());
        }
        GaussianMlpPolicy policy = PolicyCheckpoint.load(iterationFolder.resolve(POLICY_FILE)).policy();
        return iterate(folder, saved.completedIterations(), saved.states(), policy, saved.regression(), listener);
    }

    /** The policy checkpoint of the latest iteration in {@code folder}. */
    public static PolicyCheckpoint latestPolicy(Path folder) {
        return PolicyCheckpoint.load(latestIterationFolder(folder).resolve(POLICY_FILE));
    }

    /** The folder {@code latest.json} points at. */
    public static Path latestIterationFolder(Path folder) {
        Path pointer = folder.resolve(LATEST);
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(pointer));
        } catch (IOException e) {
            throw new IllegalArgumentException("no GPS checkpoint to resume in " + folder + ": cannot read " + pointer
                    + " (" + e.getMessage() + ")", e);
        }
        JsonNode directory = root == null ? null : root.get("directory");
        if (directory == null || !directory.isTextual()) {
            throw new IllegalArgumentException(pointer + " has no text field 'directory'");
        }
        return folder.resolve(directory.asText());
    }

    /** Iterations from {@code firstIteration}; {@code regressionState} continues a saved S-step (null: fresh). */
    private Result iterate(Path folder, int firstIteration, List<ConditionState> initialStates,
            GaussianMlpPolicy policy, WeightedPolicyRegression.State regressionState,
            Consumer<IterationRecord> listener) {
        WeightedPolicyRegression regression = new WeightedPolicyRegression(policy,
                config.regression().withSeed(Seeds.derive(config.seed(), REGRESSION_SEED)));
        if (regressionState != null) {
            regression.restore(regressionState);
        }
        CouplingStrategy coupling = switch (config.coupling()) {
            case MDGPS -> new Mdgps(config, conditions, policy, regression);
            case BADMM -> new Badmm(config, conditions, policy, regression);
        };
        List<ConditionState> states = initialStates;
        for (int i = firstIteration; i < config.iterations(); i++) {
            CouplingStrategy.Outcome outcome = coupling.iterate(i, states);
            states = outcome.states();
            if (folder != null) {
                checkpoint(folder, i + 1, states, policy, regression.state());
            }
            listener.accept(outcome.record());
        }
        return new Result(policy, states, Math.max(firstIteration, config.iterations()));
    }

    private void checkpoint(Path folder, int completed, List<ConditionState> states, GaussianMlpPolicy policy,
            WeightedPolicyRegression.State regression) {
        String name = String.format("iteration-%04d", completed);
        Path target = folder.resolve(name);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainer", "GuidedPolicySearch (" + config.coupling() + ")");
        provenance.put("completedIterations", completed);
        provenance.put("seed", config.seed());
        new PolicyCheckpoint(policy, config.preset().name(), Configs.toMap(config), provenance)
                .save(target.resolve(POLICY_FILE));
        new TrainerCheckpoint(completed, Configs.json().valueToTree(Configs.toMap(config)), states,
                regression.adamSteps(), regression).save(target.resolve(TRAINER_FILE));
        Path previous = Files.exists(folder.resolve(LATEST)) ? latestIterationFolder(folder) : null;
        ObjectNode pointer = Configs.json().createObjectNode();
        pointer.put("completedIterations", completed);
        pointer.put("directory", name);
        AtomicFiles.writeString(folder.resolve(LATEST), Configs.toJson(pointer) + "\n");
        if (previous != null && !previous.getFileName().toString().equals(name)) {
            deleteRecursively(previous);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the new checkpoint is in place but the previous one, " + directory
                    + ", could not be deleted: " + e.getMessage(), e);
        }
    }

    /**
     * The stored configuration must be this one, apart from the iteration budget and the thread count. A config
     * written before BADMM existed has no {@code coupling} and {@code badmm} fields; it was an MDGPS run, and matches
     * an MDGPS configuration that agrees on every other field.
     */
    private void requireSameConfig(JsonNode stored, Path where) {
        JsonNode iterations = stored.get("iterations");
        JsonNode threads = stored.get("threads");
        if (iterations == null || threads == null) {
            throw new IllegalArgumentException(where + ": the stored config lacks 'iterations' or 'threads'");
        }
        GpsConfig comparable = GpsConfig.builder(config).iterations(iterations.intValue())
                .threads(threads.intValue()).build();
        Map<String, Object> expectedFields = Configs.toMap(comparable);
        if (!stored.has("coupling") && !stored.has("badmm") && config.coupling() == GpsConfig.Coupling.MDGPS) {
            expectedFields.remove("coupling");
            expectedFields.remove("badmm");
        }
        String expected = Configs.toJson(expectedFields);
        String actual = Configs.toJson(stored);
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("the checkpoint in " + where + " was written with another"
                    + " configuration (only iterations and threads may change on resume);\nstored:  " + actual
                    + "\ncurrent: " + expected);
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
