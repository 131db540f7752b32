package org.l2o4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.policy.recurrent.ScaledGradient;

/**
 * Fuzzes the learned optimizers' checkpoint readers, {@link PolicyCheckpoint#load} (the policy {@code l2o evaluate
 * --policy} and the {@code learned-policy} optimizer load) and {@link RecurrentCheckpoint#load} (the LSTM and GRU
 * optimizers), on mutations of small checkpoints their own writers made (docs/reliability.md). The readers' own error
 * is {@link CheckpointException}, which every caller reports as a {@link ConfigException}.
 */
class CheckpointFuzzTest {

    private static final Predicate<Throwable> CLEAN = t -> t instanceof CheckpointException
            || t instanceof ConfigException || t instanceof UncheckedIOException;
    private static final Map<String, Object> PROVENANCE = Map.of("experiment", "fuzz", "seed", 1);

    @TempDir
    Path dir;

    @Test
    void damagedPolicyCheckpointsLoadOrAreRefusedInOneLine() throws Exception {
        Path relu = dir.resolve("relu.json");
        new PolicyCheckpoint(TestPolicies.random(new MlpArchitecture(3, 4, 2, HiddenActivation.RELU), 0.3, 5),
                "paper", Configs.toMap(PolicyRegressionConfig.liMalik()), PROVENANCE).save(relu);
        Path linear = dir.resolve("linear.json");
        new PolicyCheckpoint(TestPolicies.random(MlpArchitecture.linear(2, 1), 0.3, 6), "paper", Map.of(),
                PROVENANCE).save(linear);
        Path file = dir.resolve("policy.json");
        assertReachedTheLoader(Fuzz.run("policy checkpoint", Mutations.ofText(List.of(new Seed("relu", Files.readAllBytes(relu)),
                new Seed("linear", Files.readAllBytes(linear)))), CLEAN, input -> {
                    Files.write(file, input.bytes());
                    return () -> PolicyCheckpoint.load(file);
                }));
    }

    @Test
    void damagedRecurrentCheckpointsLoadOrAreRefusedInOneLine() throws Exception {
        Path lstm = dir.resolve("lstm.json");
        RecurrentSpec lstmSpec = new RecurrentSpec(RecurrentSpec.Cell.LSTM, 1, 2, new LogAndSign(5, true), 0.01);
        new RecurrentCheckpoint(lstmSpec, lstmSpec.create().initialParameters(3), Map.of("epochs", 1), PROVENANCE)
                .save(lstm);
        Path gru = dir.resolve("gru.json");
        RecurrentSpec gruSpec = new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 2, new ScaledGradient(1), 1);
        new RecurrentCheckpoint(gruSpec, gruSpec.create().initialParameters(4), Map.of(), PROVENANCE).save(gru);
        Path file = dir.resolve("recurrent.json");
        List<Seed> seeds = List.of(new Seed("lstm", Files.readAllBytes(lstm)), new Seed("gru",
                Files.readAllBytes(gru)));
        assertReachedTheLoader(Fuzz.run("recurrent optimizer checkpoint", Mutations.ofText(seeds), CLEAN, input -> {
                    Files.write(file, input.bytes());
                    return () -> RecurrentCheckpoint.load(file);
                }));
    }

    /** Every input ran, and the mutations reached the loader's own refusal, so the run tested its checks at all. */
    private static void assertReachedTheLoader(Fuzz.Report report) {
        assertEquals(Fuzz.inputs(), report.counts().values().stream().mapToInt(Integer::intValue).sum(),
                report.summary());
        assertTrue(report.count(Fuzz.Outcome.REJECTED) > 0, report.summary());
    }
}
