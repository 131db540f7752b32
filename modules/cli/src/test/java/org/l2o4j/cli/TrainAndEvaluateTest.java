package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/**
 * The learned optimizer end to end through the CLI at the tiny budget: train two iterations, resume to a third, then
 * compare the policy with the baselines on held-out functions.
 */
class TrainAndEvaluateTest {

    private static final String[] TINY = {"--set", "profile=tiny", "--set", "conditions=3", "--set", "threads=1"};

    @Test
    void trainResumeAndEvaluate(@TempDir Path out) throws Exception {
        CliRunner.Result train = CliRunner.run(concat(new String[] {"train", "li-malik-logreg-gps", "--set",
            "iterations=2", "--out", out.toString(), "--no-progress"}, TINY));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("iteration 1:"), train.out());
        Path run = onlyChild(out.resolve("li-malik-logreg-gps"));
        assertEquals(3, Files.readAllLines(run.resolve("training-log.csv")).size(), "header and two iterations");

        CliRunner.Result resumed = CliRunner.run(concat(new String[] {"train", "--resume", run.toString(), "--set",
            "iterations=3", "--no-progress"}, TINY));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("iteration 2:") && !resumed.out().contains("iteration 1:"),
                resumed.out());
        List<String> log = Files.readAllLines(run.resolve("training-log.csv"));
        assertEquals(4, log.size());
        for (String line : log) {
            assertEquals(14, line.split(",").length, "cost, KL, η, step, bumps, total and six phase times: " + line);
        }
        assertTrue(log.get(0).endsWith("c_step_s,s_step_s,evaluation_s"), log.get(0));

        Path results = out.resolve("evaluations");
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--policy", run.toString(), "--set", "tuneSteps=3",
                "--set", "evaluateSteps=20", "--out", results.toString(), "--no-progress");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        Path comparison = onlyChild(results.resolve("li-malik-logreg-with-policy"));
        Map<?, ?> summary = Configs.json().readValue(Files.readString(comparison.resolve("summary.json")), Map.class);
        Map<?, ?> learned = (Map<?, ?>) ((List<?>) summary.get("optimizers")).get(0);
        assertEquals("learned-policy", learned.get("label"));
        double finalMean = ((Number) ((Map<?, ?>) learned.get("finalObjective")).get("estimate")).doubleValue();
        assertTrue(Double.isFinite(finalMean), "the learned optimizer's final mean objective " + finalMean);
    }

    @Test
    void badInputIsNamed(@TempDir Path out) {
        CliRunner.Result reproduce = CliRunner.run("reproduce", "li-malik-logreg-gps");
        assertEquals(2, reproduce.exitCode());
        assertTrue(reproduce.err().contains("l2o train"), reproduce.err());
        CliRunner.Result resume = CliRunner.run("train", "--resume", out.toString());
        assertEquals(2, resume.exitCode());
        assertTrue(resume.err().contains("training.yaml"), resume.err());
        CliRunner.Result missing = CliRunner.run("evaluate", "--policy", out.resolve("nothing").toString(),
                "--experiment", "li-malik-logreg", "--out", out.toString(), "--no-progress");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nothing"), missing.err());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static Path onlyChild(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> children = s.toList();
            assertEquals(1, children.size(), "in " + folder + ": " + children);
            return children.get(0);
        }
    }
}
