package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.l2o4j.bptt.BpttConfig;
import org.l2o4j.bptt.BpttTrainer;
import org.l2o4j.bptt.RecurrentLearnedOptimizer;
import org.l2o4j.core.config.Checks;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.eval.experiment.OptimizerSpec;

/**
 * A recurrent learned optimizer trained by truncated backpropagation through the unrolled optimization, as written in
 * an experiment file ({@code kind: bptt-training}). Besides the keys below, the file holds {@link BpttConfig}'s
 * settings by their names at the top level ({@code cell}, {@code epochs}, {@code problemsPerEpoch}, ...), over
 * {@link BpttConfig#lstm()} (Andrychowicz et al.) or, with {@code cell: gru}, {@link BpttConfig#gru()}
 * (Maheswaranathan et al.); a key that is neither is an error naming it. Top-level keys keep {@code --set epochs=50}
 * working like any other override. The training problems are the family's {@code train} split (or a fresh stream,
 * {@code trainingProblems: stream}); with the comparison experiment's family, settings and seed, the learned optimizer
 * meets exactly the functions its baselines are tuned on, and never their test functions.
 *
 * @param name         run name; also the run folder's parent
 * @param description  one line for {@code l2o list}
 * @param family       registered family name
 * @param familyConfig settings over the family's defaults
 * @param seed         root seed of the problems and of the trainer ({@link BpttConfig#seed()})
 * @param threads      threads over coordinates ({@link BpttConfig#threads()}; results do not depend on it)
 * @param evaluation   the comparison experiment {@code l2o evaluate} runs the trained optimizer in
 * @param trainer      the trainer's settings, {@code seed} and {@code threads} included
 */
public record BpttTrainingSpec(String name, String description, String family, Map<String, Object> familyConfig,
        long seed, int threads, String evaluation, BpttConfig trainer) implements TrainingFile {

    /** The value of {@code kind} that marks a BPTT training file. */
    public static final String KIND = "bptt-training";

    /** The keys of the file that are not {@link BpttConfig}'s (seed and threads are both). */
    record Header(String kind, String name, String description, String family,
            Map<String, Object> familyConfig, long seed, int threads, String evaluation) {

        static final Header DEFAULTS = new Header(KIND, "training", "", "", Map.of(), 0, 1, "");
    }

    public BpttTrainingSpec {
        familyConfig = familyConfig == null ? Map.of() : new LinkedHashMap<>(familyConfig);
        Checks.positive("threads", threads);
        if (trainer.seed() != seed || trainer.threads() != threads) {
            throw new IllegalArgumentException("the trainer's seed and threads must be the file's");
        }
    }

    /** Binds a parsed file; {@code source} names it in errors. */
    static BpttTrainingSpec fromMap(Map<String, Object> raw, String source) {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> headerKeys = List.copyOf(Configs.toMap(Header.DEFAULTS).keySet());
        raw.forEach((k, v) -> (headerKeys.contains(k) ? header : settings).put(k, v));
        // The cell chooses the base profile, so that a GRU file need not restate the GRU's defaults.
        BpttConfig base = "gru".equals(settings.get("cell")) ? BpttConfig.gru() : BpttConfig.lstm();
        Map<String, Object> baseSettings = Configs.toMap(base);
        for (String k : settings.keySet()) {
            if (!baseSettings.containsKey(k)) {
                TreeSet<String> valid = new TreeSet<>(headerKeys);
                valid.addAll(baseSettings.keySet());
                throw new ConfigException("unknown key '" + k + "' in " + source + "; valid keys of a " + KIND
                        + " file are " + valid);
            }
        }
        Header h = Configs.bind(header, Header.DEFAULTS, source);
        if (!KIND.equals(h.kind())) {
            throw new ConfigException(source + ": kind must be '" + KIND + "', got '" + h.kind() + "'");
        }
        if (h.family().isBlank()) {
            throw new ConfigException(source + ": 'family' is required");
        }
        settings.put("seed", h.seed());
        settings.put("threads", h.threads());
        BpttConfig trainer = Configs.bind(settings, base, source);
        return new BpttTrainingSpec(h.name(), h.description(), h.family(), h.familyConfig(), h.seed(), h.threads(),
                h.evaluation(), trainer);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = Configs.toMap(new Header(KIND, name, description, family, familyConfig, seed,
                threads, evaluation));
        Map<String, Object> t = Configs.toMap(trainer);
        t.remove("seed");
        t.remove("threads");
        m.putAll(t);
        return m;
    }

    /** The validation-best network of the run, as {@code lstm-optimizer} or {@code gru-optimizer}. */
    @Override
    public OptimizerSpec trainedOptimizer(Path runFolder, String label) {
        return new OptimizerSpec(RecurrentLearnedOptimizer.nameOf(trainer.spec().cell()), label,
                Map.of("checkpoint", runFolder.resolve(BpttTrainer.BEST_FILE).toAbsolutePath().toString()), Map.of(),
                false);
    }
}
