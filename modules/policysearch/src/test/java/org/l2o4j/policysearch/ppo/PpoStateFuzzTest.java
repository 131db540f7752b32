package org.l2o4j.policysearch.ppo;

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
import org.l2o4j.policy.HiddenActivation;
import org.l2o4j.policy.MlpArchitecture;

/**
 * Fuzzes PPO's checkpoint state, {@value PpoTrainer#STATE_FILE} (θ, log σ, the value network, both Adams), as a resume
 * reads it for a softplus 3-4-1 policy with a value network of two hidden units (docs/reliability.md). Its own error
 * is {@link ConfigException} (a {@link org.l2o4j.policy.CheckpointException}).
 */
class PpoStateFuzzTest {

    /** The policy's shape in the seeds. */
    private static final MlpArchitecture POLICY = new MlpArchitecture(3, 4, 1, HiddenActivation.SOFTPLUS);
    /** The value network's hidden units in the seeds. */
    private static final int VALUE_HIDDEN_UNITS = 2;

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("PPO state", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void stateFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve(PpoTrainer.STATE_FILE), input);
        ORACLE.check(() -> PpoTrainer.SavedState.read(file, POLICY, VALUE_HIDDEN_UNITS));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve(PpoTrainer.STATE_FILE), seed);
            assertDoesNotThrow(() -> PpoTrainer.SavedState.read(file, POLICY, VALUE_HIDDEN_UNITS),
                    "a valid seed must load");
        }
    }
}
