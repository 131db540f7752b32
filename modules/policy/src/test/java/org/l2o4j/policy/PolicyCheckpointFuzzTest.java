package org.l2o4j.policy;

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
 * Fuzzes {@link PolicyCheckpoint#load}, what {@code l2o evaluate --policy}, the {@code learned-policy} optimizer and
 * the policy-search trainers' results load (docs/reliability.md). Its own error is {@link CheckpointException}, a
 * {@link ConfigException}. Seeds: a ReLU 3-4-2 and a linear 2-1 policy.
 */
class PolicyCheckpointFuzzTest {

    @RegisterExtension
    static final LoaderOracle ORACLE = new LoaderOracle("policy checkpoint", 16 << 20,
            t -> t instanceof ConfigException || t instanceof UncheckedIOException);

    @TempDir
    Path dir;

    @LoaderFuzzTest
    @DictionaryFile(resourcePath = LoaderFuzzTest.JSON_DICTIONARY)
    void policyFile(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("policy.json"), input);
        ORACLE.check(() -> PolicyCheckpoint.load(file));
    }

    @Test
    void theSeedsLoad() throws IOException {
        List<byte[]> seeds = LoaderOracle.seeds(getClass());
        assertFalse(seeds.isEmpty(), "the corpus holds valid seeds");
        for (byte[] seed : seeds) {
            Path file = Files.write(dir.resolve("policy.json"), seed);
            assertDoesNotThrow(() -> PolicyCheckpoint.load(file), "a valid seed must load");
        }
    }
}
