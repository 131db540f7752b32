package org.l2o4j.policysearch.cem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Jackson's {@code asInt()} read a string or a missing count as 0 and truncated a fraction; each is refused. */
    @Test
    void aCountOfTheWrongKindIsRefusedNamingTheField() throws IOException {
        String seed = getClass().getSimpleName() + "Inputs/stateFile/valid-generation-3.json";
        String good = new String(getClass().getResourceAsStream(seed).readAllBytes(), StandardCharsets.UTF_8);
        Path file = dir.resolve(CrossEntropyMethod.STATE_FILE);
        for (String[] damage : new String[][] {
                {"\"generation\" : \\d+", "\"generation\" : \"2\"", "field 'generation' is \"2\", expected an integer"},
                {"\"problemSteps\" : \\d+", "\"problemSteps\" : 0.5", "field 'problemSteps' is 0.5, expected a whole"},
                {"\"problemSteps\" : \\d+,", "", "missing field 'problemSteps'"}}) {
            Files.writeString(file, good.replaceFirst(damage[0], damage[1]));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> CrossEntropyMethod.readState(file, PARAMETERS), damage[2]);
            assertTrue(e.getMessage().contains("CEM state " + file + ": " + damage[2]), e.getMessage());
        }
    }
}
