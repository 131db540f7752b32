package org.l2o4j.core.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes the checkpoint pointer {@code latest.json} as {@link TrainingFolder#latestOf} and
 * {@link TrainingFolder#checkpointsOf} read it, which every resume and every trained optimizer's loading goes through
 * (docs/reliability.md), in a run folder whose checkpoint is intact.
 */
class CheckpointPointerFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("checkpoint pointer", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path run;

    @BeforeEach
    void copyTheRun() throws IOException {
        CheckpointFixture.copyInto(run);
    }

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void pointer(byte[] input) throws IOException {
        Files.write(CheckpointFixture.pointer(run), input);
        ORACLE.check(() -> CheckpointFixture.load(run));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Files.write(CheckpointFixture.pointer(run), seed);
            assertDoesNotThrow(() -> CheckpointFixture.load(run), "a valid seed must load");
        }
    }
}
