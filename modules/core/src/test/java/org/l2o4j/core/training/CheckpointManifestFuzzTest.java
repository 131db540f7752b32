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
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes a checkpoint's {@code manifest.json} as {@link TrainingFolder#latestOf} and
 * {@link TrainingFolder#checkpointsOf} read it (docs/reliability.md). The pointer is rewritten with each input's true
 * SHA-256, so that inputs reach the manifest's reader instead of all stopping at the digest check.
 */
class CheckpointManifestFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("checkpoint manifest", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path run;

    @BeforeEach
    void copyTheRun() throws IOException {
        CheckpointFixture.copyInto(run);
    }

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void manifest(byte[] input) throws IOException {
        write(input);
        ORACLE.check(() -> CheckpointFixture.load(run));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            write(seed);
            assertDoesNotThrow(() -> CheckpointFixture.load(run), "a valid seed must load");
        }
    }

    private void write(byte[] manifest) throws IOException {
        Path file = Files.write(CheckpointFixture.manifest(run), manifest);
        Files.writeString(CheckpointFixture.pointer(run), "{\"step\": 3, \"directory\": \"" + CheckpointFixture.DIRECTORY
                + "\", \"manifestSha256\": \"" + Sha256.of(file) + "\"}\n");
    }
}
