package org.l2o4j.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.RunFolder;
import org.l2o4j.eval.results.OptimizerSummary;

class ExperimentRunnerTest {

    private static ExperimentSpec spec(String family, Object... optimizers) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", "t");
        raw.put("family", family);
        raw.put("familyConfig", Map.of("trainProblems", 6, "testProblems", 5));
        raw.put("tuneSteps", 10);
        raw.put("evaluateSteps", 12);
        raw.put("restarts", 2);
        raw.put("optimizers", List.of(optimizers));
        return ExperimentSpec.fromMap(raw, "test");
    }

    @Test
    void tuningIsWrittenBeforeAnyTestFunctionIsSampled(@TempDir Path root) {
        try (RunFolder run = RunFolder.create(root, "t")) {
            WatchedFamilyProvider.existedWhenTestWasSampled = null;
            WatchedFamilyProvider.watchedFile = run.resolve("tuning.json");
            ExperimentOutcome o = ExperimentRunner.run(spec("watched-quadratic", "momentum", "adam"), run,
                    Progress.NONE, FigureMaker.NONE);
            assertEquals(Boolean.TRUE, WatchedFamilyProvider.existedWhenTestWasSampled);
            assertEquals(10, o.runProblem().length, "5 functions x 2 restarts");
            assertEquals(List.of(0, 0, 1, 1, 2), java.util.Arrays.stream(o.runProblem()).limit(5).boxed().toList());
            assertTrue(Files.exists(run.resolve("results.csv")));
        }
    }

    @Test
    void summariesAverageRestartsPerFunctionAndMatchTheRuns(@TempDir Path root) {
        try (RunFolder run = RunFolder.create(root, "t")) {
            ExperimentOutcome o = ExperimentRunner.run(spec("renn-quadratic", "gradient-descent"), run,
                    Progress.NONE, FigureMaker.NONE);
            OptimizerSummary s = o.summaries().get(0);
            double[][] f = o.results().get(0).objective();
            int t = 12;
            double[] perFunction = new double[5];
            double area = 0;
            for (int run2 = 0; run2 < 10; run2++) {
                perFunction[o.runProblem()[run2]] += f[run2][t] / 2;
                double a = 0;
                for (double v : f[run2]) {
                    a += v;
                }
                area += a / 13 / 10;
            }
            double mean = java.util.Arrays.stream(perFunction).average().orElseThrow();
            assertEquals(mean, s.finalObjective().estimate(), 1e-12 * mean);
            assertEquals(mean, s.mean().estimate()[t], 1e-12 * mean);
            assertEquals(5, s.mean().count()[t], "intervals are over the 5 functions, not the 10 runs");
            assertEquals(area, s.areaUnderCurve().estimate(), 1e-12 * area);
            double[] sorted = perFunction.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(sorted[2], s.median().estimate()[t], 0.0);
            // Gradient descent is charged one value and one gradient evaluation per iteration.
            assertEquals(1.0, o.timings().get(0).gradientEvaluationsPerStep(), 0.0);
            assertEquals(1.0 + t, s.valueEvaluations()[t], 0.0);
            assertEquals(0.0, o.timings().get(0).hessianEvaluationsPerStep(), 0.0);
        }
    }

    @Test
    void anOptimizerThatCannotRunOnTheFamilyFailsBeforeAnyTuning(@TempDir Path root) {
        try (RunFolder run = RunFolder.create(root, "t")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ExperimentRunner.run(
                    spec("two-moons", "adam", "newton"), run, Progress.NONE, FigureMaker.NONE));
            assertTrue(e.getMessage().contains("'newton'") && e.getMessage().contains("two-moons"), e.getMessage());
            assertFalse(Files.exists(run.resolve("tuning.json")), "nothing was tuned");
        }
    }

    @Test
    void aBadGridValueFailsBeforeAnyTuning(@TempDir Path root) {
        Map<String, Object> bad = Map.of("name", "momentum", "grid", Map.of("beta", List.of(0.5, 1.5)));
        try (RunFolder run = RunFolder.create(root, "t")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ExperimentRunner.run(
                    spec("renn-quadratic", "adam", bad), run, Progress.NONE, FigureMaker.NONE));
            assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        }
    }

    @Test
    void testingOnTheTrainingSplitIsRefused() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("family", "renn-quadratic");
        raw.put("testSplit", "train");
        raw.put("optimizers", List.of("adam"));
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentSpec.fromMap(raw, "test"));
        assertTrue(e.getMessage().contains("both 'train'"), e.getMessage());
    }
}
