package org.l2o4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;

/** Run folders written by hand, read into reports whose cells are checked one by one. */
class RunReaderTest {

    private static final String SUMMARY = """
            {"experiment": "tiny <&> run", "family": "quadratic", "testFunctions": 4, "restarts": 1, "steps": 6,
             "confidenceLevel": 0.95,
             "optimizers": [
               {"label": "learned", "optimizer": "lstm", "hyperparameters": {"checkpoint": "zoo:x"},
                "runs": 4, "diverged": 0,
                "mean": {"estimate": [9, 8, 7, 6, 5, 0.5, 0.00001234], "low": [9, 7, 6, 5, 4, 0.25, -0.5],
                         "high": [9, 9, 8, 7, 6, 0.75, 1.5]},
                "median": {"estimate": [9, 8, 7, 6, 5, 4, 2.5], "low": [9, 8, 7, 6, 5, 4, 1], "high": [9, 8, 7, 6,
                           5, 4, 3]},
                "winRate": [0, 0, 0, 0, 0, 0, 0.75]},
               {"label": "adam", "optimizer": "adam", "hyperparameters": {"learningRate": 0.1, "beta1": 0.9},
                "runs": 4, "diverged": 1,
                "mean": {"estimate": [9, 8, 7, 6, 5, 4, 1234567], "low": [9, 8, 7, 6, 5, 4, 3],
                         "high": [9, 8, 7, 6, 5, 4, 5]},
                "median": {"estimate": [9, 8, 7, 6, 5, 4, 3], "low": [9, 8, 7, 6, 5, 4, 3],
                           "high": [9, 8, 7, 6, 5, 4, 3]},
                "winRate": [0, 0, 0, 0, 0, 0, 0.25]}],
             "bestKnown": {"found": {"CLOSED_FORM": 4}, "solverTolerance": 1e-8}}
            """;

    private static final String TUNING = """
            [{"label": "learned", "atGridEdge": [],
              "search": {"criterion": "MEAN_OBJECTIVE_OVER_HORIZON", "steps": 3, "chosen": {"checkpoint": "zoo:x"},
                         "rows": [{}]}},
             {"label": "adam", "atGridEdge": ["learningRate"],
              "search": {"criterion": "MEAN_OBJECTIVE_OVER_HORIZON", "steps": 3,
                         "chosen": {"learningRate": 0.1}, "rows": [{}, {}, {}]}}]
            """;

    @Test
    void aComparisonsTablesHoldItsNumbers(@TempDir Path run) throws Exception {
        comparison(run);
        RunReport r = RunReader.read(run);
        assertEquals(RunReport.Kind.COMPARISON, r.kind());
        assertEquals("tiny <&> run", r.title());
        assertEquals("quadratic, 4 test functions × 1 restarts, 6 steps; 95 % intervals", r.subtitle());
        RunReport.Table results = r.tables().get(0);
        assertEquals(List.of("optimizer", "tuned hyperparameters", "mean f at t = 5", "mean f at t = 6",
                "median f at t = 6", "win rate", "diverged", "µs/step"), results.header(),
                "the table's steps are 5, 10, 40, 100 below the horizon, then the last one");
        assertEquals(List.of("learned", "checkpoint=zoo:x", "0.5 [0.25, 0.75]", "1.234e-05 [-0.5, 1.5]",
                "2.5 [1, 3]", "75 %", "0/4", "12.5"), results.rows().get(0));
        assertEquals(List.of("adam", "learningRate=0.1 beta1=0.9", "4 [4, 4]", "1.235e+06 [3, 5]", "3 [3, 3]",
                "25 %", "1/4", ""), results.rows().get(1), "no timing recorded for adam: an empty cell");
        RunReport.Table tuning = r.tables().get(1);
        assertEquals(List.of("adam", "learningRate=0.1", "MEAN_OBJECTIVE_OVER_HORIZON", "3", "3", "learningRate"),
                tuning.rows().get(1));
        assertEquals(List.of(List.of("CLOSED_FORM", "4")), r.tables().get(2).rows());
        assertEquals(List.of("objective-mean", "suboptimality", "example-0"),
                r.figures().stream().map(RunReport.Figure::name).toList(), "figures in the documented order");
        assertEquals(List.of("seed", "gitCommit", "versions.nd4j"), List.copyOf(r.provenance().keySet()),
                "provenance keeps its file's order");
        assertEquals("20160606", r.provenance().get("seed"), "integers stay integers");
    }

    @Test
    void aTrainingsLogBecomesPlotsOfTheColumnsThatChange(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("training.yaml"), "kind: gps-training\nname: tiny-gps\nfamily: "
                + "logistic-regression\nseed: 7\n");
        Files.writeString(run.resolve("training-log.csv"), "iteration,problem_steps,cost,constant,note\n"
                + "0,100,5.0,1,a\n1,200,0.5,1,b\n2,300,0.005,1,c\n");
        Files.writeString(run.resolve("summary.json"), "{\"iterations\": 3, \"policy\": \"p.json\"}");
        RunReport r = RunReader.read(run);
        assertEquals(RunReport.Kind.TRAINING, r.kind());
        assertEquals("tiny-gps", r.title());
        assertEquals("training of logistic-regression (gps-training), seed 7", r.subtitle());
        assertEquals(List.of("log-problem_steps", "log-cost"), r.figures().stream().map(RunReport.Figure::name)
                .toList(), "a constant and a text column are not plotted");
        String cost = new String(r.figures().get(1).svg(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cost.contains("tiny-gps: cost"), "titled by run and column");
        RunReport.Table log = r.tables().get(1);
        assertTrue(log.collapsed());
        assertEquals(3, log.rows().size());
        assertEquals(List.of(List.of("iterations", "3"), List.of("policy", "p.json")), r.tables().get(0).rows());
    }

    @Test
    void aSweepShowsItsTableAcrossPoints(@TempDir Path root) throws Exception {
        Path run = Files.createDirectories(root.resolve("li-malik-logreg-sweep/20261206-190927"));
        Files.writeString(run.resolve("sweep.json"), """
                {"points": [{"label": "seed=1", "overrides": ["seed=1"]}, {"label": "seed=2", "overrides": ["seed=2"]}],
                 "confidenceLevel": 0.95,
                 "optimizers": [{"label": "lbfgs", "finalMeanPerPoint": [0.35, 0.37],
                                 "meanOverPoints": {"estimate": 0.36, "low": 0.2329, "high": 0.4871, "count": 2},
                                 "medianOverPoints": 0.36, "min": 0.35, "max": 0.37, "diverged": 0}]}
                """);
        Files.createDirectories(run.resolve("points/000"));
        Files.writeString(run.resolve("points/000/config.yaml"), "experiment:\n  seed: 1\n");
        RunReport r = RunReader.read(run);
        assertEquals(RunReport.Kind.SWEEP, r.kind());
        assertEquals("li-malik-logreg-sweep", r.title());
        assertEquals(List.of(List.of("lbfgs", "0.36 [0.2329, 0.4871]", "0.36", "0.35", "0.37", "0")),
                r.tables().get(0).rows());
        assertEquals(List.of(List.of("1", "seed=1"), List.of("2", "seed=2")), r.tables().get(1).rows());
        assertEquals("experiment:\n  seed: 1\n", r.config());
    }

    @Test
    void aTrainingSweepShowsWhatEachPointTrained(@TempDir Path root) throws Exception {
        Path run = Files.createDirectories(root.resolve("li-malik-logreg-cem-sweep/20261206-212343"));
        Files.writeString(run.resolve("sweep.json"), """
                {"points": [{"label": "replicate=0", "overrides": ["replicate=0"],
                             "training": {"unit": "generation", "units": 2, "problemSteps": 115}}],
                 "confidenceLevel": 0.95,
                 "optimizers": [{"label": "cem-policy", "finalMeanPerPoint": [0.5],
                                 "meanOverPoints": {"estimate": 0.5, "low": "NaN", "high": "NaN", "count": 1},
                                 "medianOverPoints": 0.5, "min": 0.5, "max": 0.5, "diverged": 0}]}
                """);
        Files.createDirectories(run.resolve("points/000/training"));
        Files.writeString(run.resolve("points/000/training/training.yaml"), "kind: cem-training\n");
        RunReport r = RunReader.read(run);
        assertEquals("1 points of one training", r.subtitle());
        assertEquals(List.of(List.of("1", "replicate=0", "2 generations", "115")), r.tables().get(1).rows());
        assertEquals("kind: cem-training\n", r.config());
    }

    @Test
    void badFoldersEndInOneLineNamingThem(@TempDir Path dir) throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> RunReader.read(dir.resolve("nosuch")));
        assertTrue(missing.getMessage().contains("nosuch") && missing.getMessage().contains("does not exist"));
        ConfigException notRun = assertThrows(ConfigException.class, () -> RunReader.read(dir));
        assertTrue(notRun.getMessage().contains("is not a run folder"), notRun.getMessage());

        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        comparison(damaged);
        Files.writeString(damaged.resolve("summary.json"), "{\"optimizers\": [");
        ConfigException json = assertThrows(ConfigException.class, () -> RunReader.read(damaged));
        assertTrue(json.getMessage().contains("summary.json cannot be read as JSON"), json.getMessage());

        Path log = Files.createDirectories(dir.resolve("log"));
        Files.writeString(log.resolve("training.yaml"), "kind: gps-training\nname: x\n");
        Files.writeString(log.resolve("training-log.csv"), "iteration,cost\n0,1\n1\n");
        ConfigException row = assertThrows(ConfigException.class, () -> RunReader.read(log));
        assertTrue(row.getMessage().contains("a row of 1 values under 2 columns"), row.getMessage());
        for (ConfigException e : List.of(missing, notRun, json, row)) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void numbersKeepFourSignificantDigitsAndTheirMagnitude() {
        assertEquals("0.3821", RunReader.number(0.38212208));
        assertEquals("73.7", RunReader.number(73.699));
        assertEquals("1", RunReader.number(1.0));
        assertEquals("-0.0001", RunReader.number(-0.0001));
        assertEquals("5.551e-17", RunReader.number(5.551115123125783e-17));
        assertEquals("2e+07", RunReader.number(20_000_000));
        assertEquals("0", RunReader.number(0));
        assertEquals("NaN", RunReader.number(Double.NaN));
    }

    @Test
    void thePageEscapesTextAndDeclaresThatNothingMayBeFetched(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        comparison(a);
        comparison(b);
        String page = HtmlReport.page("two <runs>", List.of(RunReader.read(a), RunReader.read(b)));
        assertTrue(page.contains("<title>two &lt;runs&gt;</title>"));
        assertTrue(page.contains("content=\"" + HtmlReport.CONTENT_SECURITY_POLICY + "\""));
        assertTrue(page.contains("<h2>tiny &lt;&amp;&gt; run</h2>"));
        assertEquals(2, count(page, "<article class=\"run comparison\""));
        assertEquals(6, count(page, "<svg "), "three figures per run, inline");
        assertTrue(page.contains("id=\"r2-f1-clip1\""), "the second run's figure ids carry their own prefix");
        assertFalse(page.contains("<script"));
        assertTrue(page.contains("--runs: 2"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void comparison(Path run) throws Exception {
        Files.writeString(run.resolve("summary.json"), SUMMARY);
        Files.writeString(run.resolve("config.yaml"), "experiment:\n  name: tiny\n");
        Files.writeString(run.resolve("tuning.json"), TUNING);
        Files.writeString(run.resolve("timing.json"), "{\"optimizers\": [{\"label\": \"learned\", "
                + "\"secondsPerStep\": 1.25e-5}]}");
        Files.writeString(run.resolve("provenance.json"), "{\"seed\": 20160606, \"gitCommit\": \"abc\", "
                + "\"versions\": {\"nd4j\": \"1.0.0-M1.1\"}}");
        Path figures = Files.createDirectories(run.resolve("figures"));
        for (String name : List.of("example-0", "suboptimality", "objective-mean")) {
            Files.writeString(figures.resolve(name + ".svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                    + "height=\"10\"><defs><clipPath id=\"clip1\"><rect width=\"1\" height=\"1\"/></clipPath></defs>"
                    + "<g clip-path=\"url(#clip1)\"/></svg>");
            Files.writeString(figures.resolve(name + ".png"), "not read");
        }
    }
}
