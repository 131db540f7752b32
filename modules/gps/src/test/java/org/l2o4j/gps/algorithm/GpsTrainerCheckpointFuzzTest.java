package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
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
 * Fuzzes the GPS trainer's own checkpoint file, {@link TrainerCheckpoint#load} (JSON: controllers, η, BADMM's duals,
 * the S-step's Adam state), on what {@link TrainerCheckpoint#save} writes (docs/reliability.md). Its own error is an
 * {@link IllegalArgumentException} naming the file, which the GPS trainer reports as a {@link ConfigException}; a
 * subclass of it (NumberFormatException, ...) or a message without the file's name is a crash.
 */
class GpsTrainerCheckpointFuzzTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("GPS trainer checkpoint", 16 << 20,
            GpsCheckpointErrors.namingFile("trainer.json"));

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void trainerFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("trainer.json"), input);
        ORACLE.check(() -> TrainerCheckpoint.load(file));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve("trainer.json"), seed);
            assertDoesNotThrow(() -> TrainerCheckpoint.load(file), "a valid seed must load");
        }
    }
}
