package org.l2o4j.dl4j.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.eval.experiment.Progress;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.problems.mnist.MnistMlp;
import org.l2o4j.problems.mnist.MnistMlpConfig;
import org.l2o4j.problems.mnist.MnistMlpFamily;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The comparison at a tiny budget on synthetic digits: what it records, tunes and tabulates. */
class MnistComparisonTest {

    private static final int STEPS = 6;
    private static final int NETWORKS = 2;

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** A paper-sized LSTM checkpoint (output × 0.01) with parameters from {@code seed}. */
    static Path lstm(Path folder, long seed) {
        RecurrentSpec spec = new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 20, new LogAndSign(10, false), 0.01);
        RandomGenerator rng = Seeds.rng(seed);
        double[] parameters = new double[spec.create().parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = 0.3 * rng.nextGaussian();
        }
        Path file = folder.resolve("lstm-" + seed + ".json");
        new RecurrentCheckpoint(spec, parameters, Map.of(), Map.of()).save(file);
        return file;
    }

    @Test
    void tinyComparisonRecordsTunesAndTabulates() {
        MnistMlpConfig settings = new MnistMlpConfig(20, 1, "sigmoid", 32, 0.01, "npm", "", "", 0.2, 3, 2, 4);
        MnistMlpFamily family = new MnistMlpFamily(settings, FixtureDigits.digits(200, 3));
        MnistComparison.Settings s = new MnistComparison.Settings(lstm(dir, 1).toString(), STEPS, NETWORKS, 4, 1, 7,
                List.of(1e-3, 1e-2), List.of(0.1, 1.0, 10.0), List.of(0.1), 0.9);
        MnistComparison.Result r = MnistComparison.run(family, s, Progress.NONE);

        assertEquals(List.of("lstm-optimizer", "adam", "gradient-descent", "nesterov"), r.labels());
        assertEquals(3, r.tuning().size());
        for (MnistComparison.Tuning t : r.tuning()) {
            int chosen = t.rates().indexOf(t.chosen());
            for (double score : t.scores()) {
                assertTrue(t.scores()[chosen] <= score, t.label() + " chose the lowest score");
            }
        }
        assertEquals(0.1, r.tuning().get(2).chosen(), "a grid of one rate chooses it");
        assertFalse(r.tuning().get(2).atGridEdge(), "a one-rate grid has no edge to widen");

        MnistMlp first = (MnistMlp) family.problems("test", 7).get(0);
        double[] g = new double[first.dimension()];
        double f0 = first.valueAndGradient(0, first.initialPoint(0), 0, g, 0);
        double norm0 = Math.sqrt(Arrays.stream(g).map(v -> v * v).sum());
        for (MnistComparison.Run run : r.runs()) {
            RolloutResult x = run.result();
            assertEquals(NETWORKS, x.problems());
            assertEquals(STEPS, x.steps());
            assertEquals(f0, x.objective()[0][0], 1e-12 * f0, run.label() + " starts at the test network's θ0");
            assertEquals(norm0, x.gradientNorm()[0][0], 1e-10 * norm0, run.label() + "'s gradient norm at θ0");
            for (int i = 0; i < NETWORKS; i++) {
                assertEquals(0.0, x.wallSeconds()[i][0]);
                for (int t = 1; t <= STEPS; t++) {
                    assertTrue(x.wallSeconds()[i][t] > x.wallSeconds()[i][t - 1], "every step takes time");
                    assertTrue(Double.isFinite(x.objective()[i][t]));
                }
                assertEquals(STEPS + 1, x.gradientEvaluations()[i][STEPS]);
            }
        }
        String learningRate = r.run("adam").result().hyperparameters().get("learningRate").toString();
        assertEquals(Double.toString(r.tuning().get(0).chosen()), learningRate);

        List<MnistComparison.Row> table = r.table();
        assertEquals(4, table.size());
        MnistComparison.Row adam = table.get(1);
        assertEquals(1.0, adam.ratioToAdam(), 1e-12);
        assertEquals(0.0, adam.msOverheadVsAdam(), 1e-12);
        for (MnistComparison.Row row : table) {
            RolloutResult x = r.run(row.label()).result();
            double finalMean = (x.objective()[0][STEPS] + x.objective()[1][STEPS]) / 2;
            assertEquals(finalMean, row.finalLoss().estimate(), 1e-12 * finalMean);
            double lastTenth = (x.objective()[0][STEPS] + x.objective()[1][STEPS]) / 2;
            assertEquals(lastTenth, row.lastTenthLoss(), 1e-12 * lastTenth, "a tenth of 6 steps is the last one");
            double firstTenth = (x.objective()[0][1] + x.objective()[1][1]) / 2;
            assertEquals(firstTenth, row.firstTenthLoss(), 1e-12 * firstTenth, "and the first one");
            double meanMs = 1e3 * (x.wallSeconds()[0][STEPS] + x.wallSeconds()[1][STEPS]) / 2 / STEPS;
            assertEquals(meanMs, row.msPerStepMean(), 1e-9 * meanMs);
            assertEquals(meanMs / adam.msPerStepMean(), row.ratioToAdam(), 1e-9 * row.ratioToAdam());
        }

        assertEquals(1 + 4 * NETWORKS * (STEPS + 1), r.curvesCsv().lines().count());
        assertEquals(1 + 2 + 3 + 1, r.tuningCsv().lines().count());
        assertEquals(1 + 4, r.tableCsv().lines().count());
    }

    @Test
    void trailingMeanAveragesTheLastWindowValues() {
        double[] f = {4, 2, 6, 8, 1};
        assertArrayEquals(new double[] {4, 3, 4, 16.0 / 3, 5}, MnistComparison.trailingMean(f, 3), 1e-15);
        assertArrayEquals(f, MnistComparison.trailingMean(f, 1), 0.0);
        assertArrayEquals(new double[] {4, 3, 4, 5, 4.2}, MnistComparison.trailingMean(f, 10), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MnistComparison.trailingMean(f, 0));
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        MnistComparison.Settings d = MnistComparison.Settings.DEFAULTS;
        ConfigException e = assertThrows(ConfigException.class, () -> d.withBudget(0, 1, 1, 1));
        assertTrue(e.getMessage().contains("steps must be at least 1, got 0"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new MnistComparison.Settings("x", 1, 1, 1, 1, 0,
                List.of(), List.of(1.0), List.of(1.0), 0.9));
        assertTrue(e.getMessage().contains("Adam's learning-rate grid is empty"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new MnistComparison.Settings("x", 1, 1, 1, 1, 0,
                List.of(1.0), List.of(-1.0), List.of(1.0), 0.9));
        assertTrue(e.getMessage().contains("SGD's learning-rate grid holds -1.0"), e.getMessage());
        MnistMlpFamily family = new MnistMlpFamily(MnistMlpConfig.DEFAULTS, FixtureDigits.digits(100, 4));
        MnistComparison.Settings tooMany = d.withCheckpointAndSeed(lstm(dir, 2).toString(), 1)
                .withBudget(1, 101, 1, 1);
        e = assertThrows(ConfigException.class, () -> MnistComparison.run(family, tooMany, Progress.NONE));
        assertTrue(e.getMessage().contains("test split of the family has 100 networks, 101 were asked for"),
                e.getMessage());
    }
}
