package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes the GPS trainer's binary checkpoint of the GMM dynamics priors, {@link PriorCheckpoint#load}, on what
 * {@link PriorCheckpoint#save} writes (docs/reliability.md). Its own error is an {@link IllegalArgumentException}
 * naming the file.
 */
class GpsPriorCheckpointFuzzTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("GPS prior checkpoint", 16 << 20,
            GpsCheckpointErrors.namingFile("priors.bin"));

    @LoaderFuzzTest
    void priorFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("priors.bin"), input);
        ORACLE.check(() -> PriorCheckpoint.load(file));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve("priors.bin"), seed);
            assertDoesNotThrow(() -> PriorCheckpoint.load(file), "a valid seed must load");
        }
    }
}
