package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.testkit.fuzz.Fuzz;
import org.l2o4j.core.testkit.fuzz.Mutations;
import org.l2o4j.core.testkit.fuzz.Seed;
import org.l2o4j.gps.dynamics.GmmPriorState;

/**
 * Fuzzes the GPS trainer's own checkpoint files, {@link TrainerCheckpoint#load} (JSON: controllers, η, BADMM's duals,
 * the S-step's Adam state) and {@link PriorCheckpoint#load} (binary: the GMM priors), on mutations of small files
 * their writers made (docs/reliability.md). Their own error is an {@link IllegalArgumentException} naming the file,
 * which the GPS trainer reports as a {@link ConfigException}; any subclass of it (NumberFormatException, ...) or a
 * message without the file's name counts as a crash.
 */
class GpsCheckpointFuzzTest {

    @TempDir
    Path dir;

    private static Predicate<Throwable> ownError(Path file) {
        return t -> (t.getClass() == IllegalArgumentException.class || t instanceof ConfigException)
                && t.getMessage() != null && t.getMessage().contains(file.toString());
    }

    @Test
    void damagedTrainerCheckpointsLoadOrAreRefusedInOneLine() throws Exception {
        List<ConditionState> states = List.of(new ConditionState(TrainerCheckpointTest.randomController(11), 0.1, 2.5,
                new ConditionState.StepRecord(1.5, -0.5), null, null, null, new BadmmDuals(3, 2,
                        new double[] {0.01, 0.02, 0.5, 1e-3}, new double[][] {new double[6], new double[6],
                            new double[6], new double[6]}, new double[][] {new double[2], new double[2], new double[2],
                            new double[2]})), ConditionState.initial(TrainerCheckpointTest.randomController(12), 1.0));
        Path seed = dir.resolve("seed.json");
        new TrainerCheckpoint(7, Configs.json().valueToTree(Configs.toMap(GpsConfig.tiny())), states, 1234)
                .save(seed);
        Path file = dir.resolve("trainer.json");
        assertReachedTheLoader(Fuzz.run("GPS trainer checkpoint", Mutations.ofText(List.of(new Seed("trainer.json",
                Files.readAllBytes(seed)))), ownError(file), input -> {
                    Files.write(file, input.bytes());
                    return () -> TrainerCheckpoint.load(file);
                }));
    }

    @Test
    void damagedPriorCheckpointsLoadOrAreRefusedInOneLine() throws Exception {
        GmmPriorState byResponsibilities = new GmmPriorState(2, new int[] {2, 1},
                new double[] {-0.0, 1e-300, 0.5, 1.0 / 3, -7, -1e300}, 3,
                List.of(new GmmPriorState.Initialization(3, 2), new GmmPriorState.Initialization(2, 2)),
                new GmmPriorState.Responsibilities(2, new double[] {-0.1, -1.2, 0, -745.2, -3, -4}));
        GmmPriorState byParameters = new GmmPriorState(2, new int[] {1}, new double[] {Math.E, -2}, 1, List.of(),
                new GmmPriorState.Parameters(1, new double[] {0.5, -0.25}, new double[] {2, 1.0 / 3, 5},
                        new double[] {0}));
        Path seed = dir.resolve("seed.bin");
        new PriorCheckpoint(List.of(new PriorCheckpoint.ConditionPriors(byParameters, byResponsibilities),
                new PriorCheckpoint.ConditionPriors(null, null))).save(seed);
        Path file = dir.resolve("priors.bin");
        assertReachedTheLoader(Fuzz.run("GPS prior checkpoint", Mutations.of(List.of(new Seed("priors.bin", Files.readAllBytes(seed)))),
                ownError(file), input -> {
                    Files.write(file, input.bytes());
                    return () -> PriorCheckpoint.load(file);
                }));
    }

    /** Every input ran, and the mutations reached the loader's own refusal, so the run tested its checks at all. */
    private static void assertReachedTheLoader(Fuzz.Report report) {
        assertEquals(Fuzz.inputs(), report.counts().values().stream().mapToInt(Integer::intValue).sum(),
                report.summary());
        assertTrue(report.count(Fuzz.Outcome.REJECTED) > 0, report.summary());
    }
}
