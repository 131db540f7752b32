package org.l2o4j.policy.recurrent;

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
 * Fuzzes {@link RecurrentCheckpoint#load}, what the LSTM and GRU optimizers and the BPTT, ES and PES trainers'
 * results load (docs/reliability.md). Its own error is {@link org.l2o4j.policy.CheckpointException}, a
 * {@link ConfigException}. Seeds: an LSTM of 2 units with log-and-sign inputs and a GRU of 2 units.
 */
class RecurrentCheckpointFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("recurrent optimizer checkpoint", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void recurrentFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("recurrent.json"), input);
        ORACLE.check(() -> RecurrentCheckpoint.load(file));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve("recurrent.json"), seed);
            assertDoesNotThrow(() -> RecurrentCheckpoint.load(file), "a valid seed must load");
        }
    }
}
