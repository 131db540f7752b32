package org.l2o4j.core.training.gradient;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes the state file of the gradient meta-trainers (BPTT, ES, PES, MLP-BPTT, the shared
 * {@link GradientMetaTrainer}): {@value GradientMetaTrainer#STATE_FILE}, as a resume reads it for a network of three
 * parameters (docs/reliability.md). Its own error is {@link ConfigException}.
 */
class GradientTrainerStateFuzzTest {

    /** The network's parameter count in the seeds. */
    private static final int PARAMETERS = 3;

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("gradient trainers' state", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void stateFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve(GradientMetaTrainer.STATE_FILE), input);
        ORACLE.check(() -> GradientMetaTrainer.SavedState.read(file, PARAMETERS));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve(GradientMetaTrainer.STATE_FILE), seed);
            assertDoesNotThrow(() -> GradientMetaTrainer.SavedState.read(file, PARAMETERS), "a valid seed must load");
        }
    }
}
