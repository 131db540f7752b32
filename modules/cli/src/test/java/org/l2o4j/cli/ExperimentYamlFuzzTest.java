package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.eval.experiment.ExperimentSpec;

/**
 * Fuzzes experiment and training files with {@code --set} overrides the way {@code l2o reproduce} and {@code l2o train}
 * read them (docs/reliability.md): {@link Experiments#readRaw}, then {@link Experiments#read} and the family's
 * settings for a comparison, {@link BoundTraining#bind} for a training file. An input is the file's text, and after a
 * line {@value #SETS} one {@code --set} string per line. The seeds are the files of {@code experiments/} (their
 * comments dropped) whose families need no download: comparisons and a training file of every trainer kind. The
 * loader's own errors are {@link ConfigException} and {@link UncheckedIOException}, what the command line reports in
 * one line with exit status 2.
 */
class ExperimentYamlFuzzTest {

    /** The line after which an input's lines are {@code --set} strings (a YAML comment, so the file stays valid). */
    static final String SETS = "#--set";

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("experiment and training YAML with --set", 64 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.YAML_DICTIONARY)
    void experimentFile(byte[] input) throws IOException {
        Input in = Input.of(input, dir);
        ORACLE.check(() -> load(in.file(), in.sets()));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Input in = Input.of(seed, dir);
            assertDoesNotThrow(() -> load(in.file(), in.sets()), "a valid seed must load");
        }
    }

    /** What {@code l2o reproduce} and {@code l2o train} do with the file before they run anything. */
    private static void load(Path file, List<String> sets) {
        var raw = Experiments.readRaw(file, sets);
        if (BoundTraining.isTraining(raw)) {
            try {
                BoundTraining.bind(raw, "training file " + file);
            } catch (ConfigException e) {
                throw Experiments.blameOverride(e, sets);
            }
            return;
        }
        ExperimentSpec e = Experiments.read(file, sets);
        Catalog.family(e.family(), e.familyConfig());
    }

    /**
     * One input: the file written and the overrides given with it.
     *
     * @param file the experiment or training file
     * @param sets the {@code --set} strings
     */
    private record Input(Path file, List<String> sets) {

        static Input of(byte[] input, Path dir) throws IOException {
            String text = new String(input, StandardCharsets.UTF_8);
            int at = text.indexOf("\n" + SETS + "\n");
            List<String> sets = at < 0 ? List.of() : text.substring(at + SETS.length() + 2).lines().toList();
            Path file = Files.writeString(dir.resolve("experiment.yaml"), at < 0 ? text : text.substring(0, at + 1));
            return new Input(file, sets);
        }
    }
}
