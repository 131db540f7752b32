package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;

/** The trainer checkpoint restores controllers, η, stepMult, the step record and BADMM's duals bit for bit. */
class TrainerCheckpointTest {

    @Test
    void roundTripIsBitIdentical(@TempDir Path dir) {
        LinearGaussianController a = randomController(11);
        LinearGaussianController b = randomController(12);
        BadmmDuals duals = new BadmmDuals(3, 2, new double[] {0.01, 0.02 / 3, Math.E, 1e-300},
                new double[][] {{1.0 / 3, 0, 0, 0, 0, -2}, new double[6], new double[6], {0, 0, 0, 0, 0, Math.PI}},
                new double[][] {{-0.1 / 7, 0}, {0, 1e-17}, new double[2], {-1e300, 3}});
        List<ConditionState> states = List.of(
                new ConditionState(a, 0.1 / 3, 2.5, new ConditionState.StepRecord(Math.PI, -1e-300), null, null,
                        null, duals),
                ConditionState.initial(b, 1.0));
        TrainerCheckpoint saved = new TrainerCheckpoint(7,
                Configs.json().valueToTree(Configs.toMap(GpsConfig.tiny())), states, 1234);
        Path file = dir.resolve("trainer.json");
        saved.save(file);
        TrainerCheckpoint loaded = TrainerCheckpoint.load(file);
        assertEquals(7, loaded.completedIterations());
        assertEquals(1234, loaded.adamSteps());
        assertEquals(Configs.toJson(saved.config()), Configs.toJson(loaded.config()));
        for (int m = 0; m < 2; m++) {
            ConditionState s = states.get(m);
            ConditionState l = loaded.states().get(m);
            assertEquals(s.eta(), l.eta());
            assertEquals(s.stepMultiplier(), l.stepMultiplier());
            assertEquals(s.previous(), l.previous());
            for (int t = 0; t < s.controller().horizon(); t++) {
                assertArrayEquals(s.controller().gain(t), l.controller().gain(t));
                assertArrayEquals(s.controller().offset(t), l.controller().offset(t));
                assertArrayEquals(s.controller().covariance(t), l.controller().covariance(t));
                assertArrayEquals(s.controller().covarianceCholesky(t), l.controller().covarianceCholesky(t));
                assertArrayEquals(s.controller().precision(t), l.controller().precision(t));
            }
        }
        assertNull(loaded.states().get(1).previous());
        BadmmDuals restored = loaded.states().get(0).duals();
        assertArrayEquals(duals.policyWeights(), restored.policyWeights());
        for (int t = 0; t < duals.horizon(); t++) {
            assertArrayEquals(duals.dualGains()[t], restored.dualGains()[t]);
            assertArrayEquals(duals.dualOffsets()[t], restored.dualOffsets()[t]);
        }
        assertNull(loaded.states().get(1).duals(), "an MDGPS state has no duals");
    }

    @Test
    void rejectsAnotherFormatNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"format\": \"l2o4j-policy\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }

    /**
     * Found by fuzzing: a syntax error was reported in Jackson's two lines, and a value a controller refuses (here an
     * infinite gain) without the file's name.
     */
    @Test
    void damageIsReportedInOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trainer.json");
        String good = savedCheckpoint(file);
        Files.writeString(file, good.replaceFirst("\"eta\" :", "\"eta\" ::"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains(file + " is not valid JSON"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        Files.writeString(file, good.replaceFirst("(\"gains\" : \\[ \\[ )[-0-9.E]+", "$11e400"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains(file + " is damaged") && e.getMessage().contains("Infinity"),
                e.getMessage());
    }

    @Test
    void anObjectWhereAnArrayBelongsIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trainer.json");
        String good = savedCheckpoint(file);
        // The long fuzz run's finding: "conditions" as an object answered get(0) with null.
        Files.writeString(file, good.replaceFirst("\"conditions\" : \\[", "\"conditions\" : { \"a\" : 1 }, \"x\" : ["));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertEquals(IllegalArgumentException.class, e.getClass());
        assertTrue(e.getMessage().contains(file + ": field 'conditions' is object, not an array"), e.getMessage());
        Files.writeString(file, good.replaceFirst("\"gains\" : \\[ \\[", "\"gains\" : [ {\"a\" : 1}, ["));
        e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains("gains at t = 0 is object, not an array of numbers"), e.getMessage());
    }

    /** Jackson reads a string where a number belongs as 0 and truncates a fractional count; both are refused. */
    @Test
    void aNumberOfTheWrongKindIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trainer.json");
        String good = savedCheckpoint(file);
        Files.writeString(file, good.replaceFirst("\"eta\" : [-0-9.E]+", "\"eta\" : \"1.0\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains("GPS trainer checkpoint " + file
                + ": field 'conditions[0].eta' is \"1.0\", expected a finite number"),
                e.getMessage());
        Files.writeString(file, good.replaceFirst("\"completedIterations\" : 1", "\"completedIterations\" : 1.5"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains("field 'completedIterations' is 1.5, expected an integer"), e.getMessage());
        Files.writeString(file, good.replaceFirst("\"stateDimension\" : 3", "\"stateDimension\" : 4294967299"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainerCheckpoint.load(file));
        assertTrue(e.getMessage().contains("field 'conditions[0].controller.stateDimension' is 4294967299, expected an"
                + " integer"), e.getMessage());
    }

    /** Saves a one-condition checkpoint to {@code file} and returns its text, for the tests that damage it. */
    private static String savedCheckpoint(Path file) throws IOException {
        new TrainerCheckpoint(1, Configs.json().valueToTree(Configs.toMap(GpsConfig.tiny())),
                List.of(ConditionState.initial(randomController(13), 1.0)), 0).save(file);
        return Files.readString(file);
    }

    static LinearGaussianController randomController(long seed) {
        var rng = Seeds.rng(seed);
        int dX = 3;
        int dU = 2;
        int horizon = 4;
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            gains[t] = Seeds.gaussian(rng, dU * dX);
            offsets[t] = Seeds.gaussian(rng, dU);
            double[] l = Seeds.gaussian(rng, 3);
            // Σ = L Lᵀ + 0.1 I with L lower triangular: SPD with awkward decimals
            double offDiagonal = l[0] * l[1];
            covariances[t] = new double[] {l[0] * l[0] + 0.1, offDiagonal, offDiagonal, l[1] * l[1] + l[2] * l[2] + 0.1};
        }
        return LinearGaussianController.fromCovariances(dX, dU, gains, offsets, covariances);
    }
}
