package org.l2o4j.policysearch.cem;

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
 * Fuzzes the cross-entropy method's checkpoint state, {@value CrossEntropyMethod#STATE_FILE} (μ, σ, the generation and
 * the problem-steps spent), as a resume reads it for a policy of four weights (docs/reliability.md). Its own error is
 * {@link ConfigException}.
 */
class CemStateFuzzTest {

    /** The policy's weights in the seeds. */
    private static final int PARAMETERS = 4;

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("CEM state", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void stateFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve(CrossEntropyMethod.STATE_FILE), input);
        ORACLE.check(() -> CrossEntropyMethod.readState(file, PARAMETERS));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve(CrossEntropyMethod.STATE_FILE), seed);
            assertDoesNotThrow(() -> CrossEntropyMethod.readState(file, PARAMETERS), "a valid seed must load");
        }
    }
}
