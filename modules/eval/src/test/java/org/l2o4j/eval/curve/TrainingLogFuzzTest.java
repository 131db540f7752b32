package org.l2o4j.eval.curve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;
import org.l2o4j.core.training.TrainingFolder;

/**
 * Fuzzes a run folder's {@value TrainingFolder#LOG} as {@code l2o learning-curve} reads it: {@link TrainingLog#read},
 * then the problem-steps and seconds at every row a checkpoint could cover (docs/reliability.md). The log is not
 * among a checkpoint's checksummed files, so any damage reaches this reader. Its own error is
 * {@link ConfigException}. Seeds: a gradient trainer's log (cumulative {@code wallSeconds}) and a DQN log (per-row
 * {@code seconds}).
 */
class TrainingLogFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("training log (learning curves)", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path run;

    @LoaderFuzzTest
    void logFile(byte[] input) throws IOException {
        Files.write(run.resolve(TrainingFolder.LOG), input);
        ORACLE.check(() -> readEveryRow(run));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Files.write(run.resolve(TrainingFolder.LOG), seed);
            assertDoesNotThrow(() -> readEveryRow(run), "a valid seed must load");
        }
    }

    private static void readEveryRow(Path run) {
        TrainingLog log = TrainingLog.read(run);
        for (int n = 1; n <= log.rows().size(); n++) {
            log.problemStepsAt(n);
            log.wallSecondsAt(n);
        }
    }
}
