package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.FuzzInput;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;
import org.l2o4j.eval.experiment.ExperimentSpec;

/**
 * Fuzzes experiment and training files with {@code --set} overrides the way {@code l2o reproduce} and {@code l2o train}
 * read them (docs/reliability.md): {@link Experiments#readRaw}, then {@link Experiments#read} and the family's
 * settings for a comparison, {@link Trainings#bind} for a training file. Half of the inputs are byte mutations of
 * real files from {@code experiments/}; the other half edit them as YAML: a value replaced by a hostile one (wrong
 * type, huge, .nan, .inf, deeply nested, empty), a key dropped, doubled or unknown. Each input also carries zero to
 * three {@code --set} strings. The loader's own errors are {@link ConfigException} and {@link UncheckedIOException},
 * what the command line reports in one line with exit status 2.
 */
class ExperimentYamlFuzzTest {

    /** Comparison and training files of every trainer kind whose families need no download. */
    private static final List<String> FILES = List.of("rosenbrock-baselines", "li-malik-logreg",
            "renn-quadratic-baselines", "two-moons-gru", "li-malik-logreg-cem", "li-malik-logreg-cmaes",
            "li-malik-logreg-dqn", "li-malik-logreg-es", "li-malik-logreg-gps", "li-malik-logreg-mlp-bptt",
            "li-malik-logreg-pes", "li-malik-logreg-ppo", "renn-quadratic-gru");

    /** Values that are wrong somewhere: types, ranges, YAML's non-finite numbers, nesting, emptiness. */
    private static final List<String> HOSTILE = List.of("lots", "-1", "0", "2147483647", "100000000", "2147483648", "9223372036854775808",
            "1e308", "-1e400", ".nan", ".inf", "-.inf", "null", "~", "[]", "{}", "''", "true", "1.5", "[1, [2, [3]]]",
            "{a: {b: {c: 1}}}", "\"\\u0000\"", "!!binary AAAA", "&a [*a]", "*undefined", "[" .repeat(300),
            "[".repeat(5000) + "]".repeat(5000), "x".repeat(10_000), "'unterminated", "- a\n- b", "@", "%", "|");

    @TempDir
    Path dir;

    @Test
    void damagedExperimentAndTrainingFilesLoadOrAreRefusedInOneLine() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (String name : FILES) {
            seeds.add(new Seed(name, Files.readAllBytes(Path.of("../../experiments", name + ".yaml"))));
        }
        Path file = dir.resolve("experiment.yaml");
        assertReachedTheLoader(Fuzz.run("experiment and training YAML with --set", rng -> next(rng, seeds),
                t -> t instanceof ConfigException || t instanceof UncheckedIOException, input -> {
                    Files.write(file, input.file().bytes());
                    return load(file, input.sets());
                }));
    }

    /** What {@code l2o reproduce} and {@code l2o train} do with the file before they run anything. */
    private static Callable<Object> load(Path file, List<String> sets) {
        return () -> {
            var raw = Experiments.readRaw(file, sets);
            if (Trainings.isTraining(raw)) {
                try {
                    return Trainings.bind(raw, "training file " + file);
                } catch (ConfigException e) {
                    throw Experiments.blameOverride(e, sets);
                }
            }
            ExperimentSpec e = Experiments.read(file, sets);
            return Catalog.family(e.family(), e.familyConfig());
        };
    }

    private static YamlInput next(SplittableRandom rng, List<Seed> seeds) {
        FuzzInput file = rng.nextBoolean() ? Mutations.next(rng, seeds) : edit(rng, seeds.get(rng.nextInt(seeds
                .size())));
        List<String> sets = new ArrayList<>();
        for (int i = rng.nextInt(4); i > 0; i--) {
            String key = rng.nextInt(4) == 0 ? "k" + rng.nextInt(3) : keyOf(rng, file);
            String value = rng.nextBoolean() ? HOSTILE.get(rng.nextInt(HOSTILE.size())) : "" + rng.nextInt(-5, 100);
            sets.add(switch (rng.nextInt(10)) {
                case 0 -> "=" + value;
                case 1 -> key;
                case 2 -> key + "=";
                default -> key + "=" + value;
            });
        }
        return new YamlInput(file, sets);
    }

    /** A seed edited as YAML: one to four top-level lines replaced, dropped, doubled or added. */
    private static FuzzInput edit(SplittableRandom rng, Seed seed) {
        List<String> lines = new ArrayList<>(new String(seed.bytes(), StandardCharsets.UTF_8).lines().toList());
        List<String> edits = new ArrayList<>();
        for (int n = rng.nextInt(1, 5); n > 0; n--) {
            int at = rng.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(':');
            String key = colon > 0 ? line.substring(0, colon) : "key";
            String hostile = HOSTILE.get(rng.nextInt(HOSTILE.size()));
            switch (rng.nextInt(5)) {
                case 0, 1 -> lines.set(at, key + ": " + hostile);
                case 2 -> lines.remove(at);
                case 3 -> lines.add(at, line);
                default -> lines.add(at, "unknownKey" + rng.nextInt(3) + ": " + hostile);
            }
            edits.add("line " + at + " of " + lines.size());
        }
        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return new FuzzInput(seed.name() + " edited " + edits, List.of(), text);
    }

    /** A key of the file, for {@code --set}. */
    private static String keyOf(SplittableRandom rng, FuzzInput file) {
        List<String> keys = new String(file.bytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith(" ") && !l.startsWith("#") && l.indexOf(':') > 0)
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        return keys.isEmpty() ? "name" : keys.get(rng.nextInt(keys.size()));
    }

    /**
     * One input: the file and the {@code --set} strings given with it.
     *
     * @param file the file's bytes and how they were made
     * @param sets the overrides
     */
    private record YamlInput(FuzzInput file, List<String> sets) {

        @Override
        public String toString() {
            return file + " with --set " + sets + "; text:\n" + new String(file.bytes(), StandardCharsets.UTF_8)
                    .lines().limit(40).map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }

    /** Every input ran, and the mutations reached the loader's own refusal, so the run tested its checks at all. */
    private static void assertReachedTheLoader(Fuzz.Report report) {
        assertEquals(Fuzz.inputs(), report.counts().values().stream().mapToInt(Integer::intValue).sum(),
                report.summary());
        assertTrue(report.count(Fuzz.Outcome.REJECTED) > 0, report.summary());
    }
}
