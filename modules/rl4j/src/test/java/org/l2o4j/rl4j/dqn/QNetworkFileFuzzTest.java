package org.l2o4j.rl4j.dqn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.DictionaryFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.testkit.fuzz.LoaderFuzzTest;
import org.l2o4j.core.testkit.fuzz.LoaderOracle;

/**
 * Fuzzes the DQN controller's checkpoint, {@value DqnTrainer#NETWORK_FILE} (its settings, a DL4J network configuration,
 * its parameters and Adam's state), through what {@code l2o} calls for an optimizer {@code dqn-step-control} whose
 * {@code checkpoint} is a file: {@link DqnStepControlProvider#create}, which loads it with {@link QNetworkFile#load}
 * and builds the controller (docs/reliability.md). A DQN resume loads it the same way. Its own error is
 * {@link ConfigException}.
 */
class QNetworkFileFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("DQN Q-network checkpoint", 64 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void networkFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve(DqnTrainer.NETWORK_FILE), input);
        ORACLE.check(() -> new DqnStepControlProvider().create(Map.of("checkpoint", file.toString())));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve(DqnTrainer.NETWORK_FILE), seed);
            assertDoesNotThrow(() -> new DqnStepControlProvider().create(Map.of("checkpoint", file.toString())),
                    "a valid seed must load");
        }
    }
}
