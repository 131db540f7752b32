package org.l2o4j.eval.experiment;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.l2o4j.baselines.tuning.Criterion;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;

/**
 * A comparison of optimizers on one problem family, as written in an experiment file under {@code experiments/}:
 * which functions, which competitors, how they are tuned (on the training split only), and how long they run on the
 * held-out split.
 *
 * @param name           experiment name; also the run folder's parent
 * @param description    one line for {@code l2o list}
 * @param family         registered family name
 * @param familyConfig   settings over the family's defaults
 * @param seed           root seed: problems, starts and everything random derive from it
 * @param trainSplit     split used for tuning
 * @param testSplit      held-out split used for evaluation
 * @param tuneSteps      iterations per tuning run (Li &amp; Malik's training horizon is 40)
 * @param criterion      tuning criterion: {@code mean-objective} (area under the curve) or {@code final-objective}
 * @param evaluateSteps  iterations on the test functions (longer than the training horizon)
 * @param restarts       starting points per test function (restart 0 is the function's own)
 * @param threads        worker threads for tuning (results do not depend on it)
 * @param examples       test functions drawn individually in the example figure
 * @param optimizers     the competitors
 */
public record ExperimentSpec(String name, String description, String family, Map<String, Object> familyConfig,
        long seed, String trainSplit, String testSplit, int tuneSteps, String criterion, int evaluateSteps,
        int restarts, int threads, int examples, List<OptimizerSpec> optimizers) implements Serializable {

    /** Settings an experiment file may leave out. */
    public static final ExperimentSpec DEFAULTS = new ExperimentSpec("experiment", "", "", Map.of(), 0, "train",
            "test", 40, "mean-objective", 100, 1, 1, 2, List.of());

    public ExperimentSpec {
        familyConfig = familyConfig == null ? Map.of() : new LinkedHashMap<>(familyConfig);
        optimizers = optimizers == null ? List.of() : List.copyOf(optimizers);
        requirePositive("tuneSteps", tuneSteps);
        requirePositive("evaluateSteps", evaluateSteps);
        requirePositive("restarts", restarts);
        requirePositive("threads", threads);
        if (examples < 0) {
            throw new ConfigException("examples must be >= 0, got " + examples);
        }
        Criterion.fromKey(criterion);
        if (trainSplit.equals(testSplit)) {
            throw new ConfigException("trainSplit and testSplit are both '" + trainSplit
                    + "': hyperparameters must be tuned on functions the comparison does not test on");
        }
        Set<String> labels = new HashSet<>();
        for (OptimizerSpec o : optimizers) {
            if (!labels.add(o.label())) {
                throw new ConfigException("two optimizers are labelled '" + o.label() + "'; give one a 'label'");
            }
        }
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new ConfigException(key + " must be >= 1, got " + value);
        }
    }

    /** Reads and validates an experiment file; every error names the file and the key. */
    public static ExperimentSpec read(Path file) {
        Map<String, Object> raw = Configs.readYaml(file);
        try {
            return fromMap(raw, "experiment file " + file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("experiment file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Binds a parsed experiment; {@code context} names its source in errors. */
    @SuppressWarnings("unchecked")
    public static ExperimentSpec fromMap(Map<String, Object> raw, String context) {
        Map<String, Object> rest = new LinkedHashMap<>(raw);
        Object list = rest.remove("optimizers");
        ExperimentSpec base = Configs.bind(rest, DEFAULTS, context);
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            throw new ConfigException(context + ": 'optimizers' must be a non-empty list");
        }
        List<OptimizerSpec> optimizers = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Object e = entries.get(k);
            Map<String, Object> m = e instanceof String s ? Map.of("name", s)
                    : e instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
            if (m == null) {
                throw new ConfigException(context + ": optimizers[" + k + "] must be a name or a map, got " + e);
            }
            OptimizerSpec o = Configs.bind(m, OptimizerSpec.DEFAULTS, context + ", optimizers[" + k + "]");
            if (o.name().isBlank()) {
                throw new ConfigException(context + ": optimizers[" + k + "] has no 'name'");
            }
            optimizers.add(o);
        }
        if (base.family().isBlank()) {
            throw new ConfigException(context + ": 'family' is required");
        }
        return base.withOptimizers(optimizers);
    }

    /** This experiment with other competitors. */
    public ExperimentSpec withOptimizers(List<OptimizerSpec> list) {
        return new ExperimentSpec(name, description, family, familyConfig, seed, trainSplit, testSplit, tuneSteps,
                criterion, evaluateSteps, restarts, threads, examples, list);
    }

    /**
     * What {@code l2o evaluate} runs: this experiment, named {@code NAME-with-policy}, with a trained optimizer as its
     * first competitor (untuned) before the experiment's own.
     */
    public ExperimentSpec withTrained(OptimizerSpec trained) {
        List<OptimizerSpec> competitors = new ArrayList<>();
        competitors.add(trained);
        competitors.addAll(optimizers);
        return new ExperimentSpec(name + "-with-policy", description, family, familyConfig, seed, trainSplit,
                testSplit, tuneSteps, criterion, evaluateSteps, restarts, threads, examples, competitors);
    }
}
