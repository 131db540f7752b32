package org.l2o4j.core.training;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.l2o4j.core.catalog.FunctionSets;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;

/**
 * The keys every training file has, whatever its trainer; the trainer's own keys sit beside them at the top level,
 * so {@code --set epochs=50} works like any other override.
 *
 * @param kind         the trainer ({@link TrainerProvider#kind()})
 * @param name         run name; also the run folder's parent
 * @param description  one line for {@code l2o list}
 * @param family       registered family name of the training functions
 * @param familyConfig settings over the family's defaults
 * @param seed         root seed of the functions and of the trainer
 * @param replicate    0 for the run of {@code seed}; r &gt; 0 re-draws every random choice of the trainer (initial
 *                     weights, noise, perturbations, minibatches) from another stream ({@link #trainerSeed()}) while
 *                     the training functions stay those of {@code seed}: the meta-training seeds of a comparison
 * @param threads      worker threads (results do not depend on them)
 * @param evaluation   the comparison experiment {@code l2o evaluate} runs the trained optimizer in; empty for none
 * @param keepEvery    checkpoint retention: the latest checkpoint is always kept, and with k &gt; 0 also every
 *                     checkpoint whose unit count is a multiple of k (0: the latest only)
 */
public record TrainingHeader(String kind, String name, String description, String family,
        Map<String, Object> familyConfig, long seed, int replicate, int threads, String evaluation, int keepEvery)
        implements Serializable {

    /** Header keys a resume may change: they change how the run is watched or run, never its numbers. */
    public static final Set<String> RESUMABLE = Set.of("description", "evaluation", "threads", "keepEvery");

    private static final TrainingHeader DEFAULTS = new TrainingHeader("", "training", "", "", Map.of(), 0, 0, 1, "",
            0);

    public TrainingHeader {
        // A YAML key written without a value (family:) or as null binds to null, which no default covers.
        text("kind", kind);
        text("name", name);
        text("description", description);
        text("family", family);
        text("evaluation", evaluation);
        familyConfig = familyConfig == null ? Map.of() : new LinkedHashMap<>(familyConfig);
        Checks.atLeast("replicate", replicate, 0);
        Checks.positive("threads", threads);
        Checks.atLeast("keepEvery", keepEvery, 0);
    }

    private static void text(String key, String value) {
        if (value == null) {
            throw new ConfigException("'" + key + "' must be a string, got null; leave the key out for its default");
        }
    }

    /** The root of the trainer's own random streams: {@code seed} itself for replicate 0. */
    public long trainerSeed() {
        return replicate == 0 ? seed : Seeds.derive(seed, "meta-training-replicate", replicate);
    }

    /** The header keys. */
    public static List<String> keys() {
        return List.copyOf(Configs.toMap(DEFAULTS).keySet());
    }

    /**
     * A parsed training file split into its header (bound strictly) and the trainer's keys (returned as written).
     *
     * @param source names the file in errors
     */
    public static Split split(Map<String, Object> raw, String source) {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> keys = keys();
        raw.forEach((k, v) -> (keys.contains(k) ? header : settings).put(k, v));
        TrainingHeader h = Configs.bind(header, DEFAULTS, source);
        if (h.kind().isBlank()) {
            throw new ConfigException(source + " has no 'kind': a training file names its trainer");
        }
        if (h.family().isBlank()) {
            throw new ConfigException(source + ": 'family' is required");
        }
        return new Split(h, settings);
    }

    /**
     * A training file split by {@link #split}.
     *
     * @param header   the header
     * @param settings the trainer's keys
     */
    public record Split(TrainingHeader header, Map<String, Object> settings) {
    }

    /** Li &amp; Malik's 90 training functions (logistic regression, papers.md): the trainers' default conditions. */
    public static final int LI_MALIK_TRAINING_FUNCTIONS = 90;

    /**
     * The first {@code count} functions of the family's {@code split} drawn with the header's seed: the training
     * functions of a trainer that trains on a fixed set.
     *
     * @throws ConfigException if count is below 1 or the split has fewer functions
     */
    public List<Problem> trainingFunctions(String split, int count) {
        if (count < 1) {
            throw new ConfigException("conditions must be at least 1 (how many training functions), got " + count);
        }
        List<Problem> problems = FunctionSets.of(family, familyConfig, split, seed);
        int n = count;
        if (n > problems.size()) {
            throw new ConfigException("conditions is " + n + " but split '" + split + "' has only "
                    + problems.size() + " functions");
        }
        return List.copyOf(problems.subList(0, n));
    }

    /** The header as an ordered map, first in {@code training.yaml}. */
    public Map<String, Object> toMap() {
        return Configs.toMap(this);
    }

    /**
     * The error for a key that is neither a header key nor one of the trainer's.
     *
     * @param key         the unknown key
     * @param trainerKeys the trainer's valid keys
     * @param source      names the file
     */
    public ConfigException unknownKey(String key, Collection<String> trainerKeys, String source) {
        TreeSet<String> valid = new TreeSet<>(keys());
        valid.addAll(trainerKeys);
        return new ConfigException("unknown key '" + key + "' in " + source + "; valid keys of a " + kind
                + " file are " + valid);
    }

    /**
     * Binds the trainer's keys strictly over {@code defaults}, with errors that list the header's keys too.
     *
     * @param settings the trainer's keys as written
     * @param defaults the trainer's settings record holding its defaults
     * @param source   names the file
     */
    public <T> T bind(Map<String, Object> settings, T defaults, String source) {
        Set<String> valid = Configs.toMap(defaults).keySet();
        for (String k : settings.keySet()) {
            if (!valid.contains(k)) {
                throw unknownKey(k, valid, source);
            }
        }
        return Configs.bind(settings, defaults, source);
    }
}
