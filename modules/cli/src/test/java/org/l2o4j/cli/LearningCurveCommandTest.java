package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/**
 * {@code l2o learning-curve} on two seeds of a tiny CMA-ES training that keeps every checkpoint: one row per
 * checkpoint whose problem-steps are the checkpoint's own count (CMA-ES names its checkpoints by problem-steps, a second
 * source), the last checkpoint's score at t = 100 equal to {@code l2o evaluate}'s final mean for the same run, and the
 * curve the mean, lowest and highest of the two seeds.
 */
class LearningCurveCommandTest {

    @TempDir
    Path out;

    private Path train(int replicate) throws IOException {
        Path root = out.resolve("train-" + replicate);
        CliRunner.Result r = CliRunner.run("train", "li-malik-logreg-cmaes", "--out", root.toString(), "--no-progress",
                "--set", "replicate=" + replicate, "--set", "keepEvery=1", "--set", "hiddenUnits=4", "--set",
                "subspaceDimension=6", "--set", "functionsPerGeneration=4", "--set", "problemSteps=20000", "--set",
                "checkpoints=4");
        assertEquals(0, r.exitCode(), r.err());
        return only(root.resolve("li-malik-logreg-cmaes"));
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), "runs: " + all);
            return all.get(0);
        }
    }

    @Test
    void scoresEveryCheckpointAndAgreesWithEvaluate() throws IOException {
        Path a = train(0);
        Path b = train(1);
        CliRunner.Result r = CliRunner.run("learning-curve", a.toString(), b.toString(), "--out", out.toString(),
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("li-malik-logreg-cmaes"), r.out());
        Path run = only(out.resolve("learning-curve"));
        for (String f : List.of("held-out-t40-vs-problem-steps", "held-out-t100-vs-problem-steps",
                "held-out-t40-vs-wall-clock", "held-out-t100-vs-wall-clock")) {
            assertTrue(Files.size(run.resolve("figures").resolve(f + ".png")) > 0, f);
            assertTrue(Files.size(run.resolve("figures").resolve(f + ".svg")) > 0, f);
        }
        List<String> lines = Files.readAllLines(run.resolve("checkpoints.csv"));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(","));
        }
        int perRun = rows.size() / 2;
        assertTrue(perRun >= 4, "checkpoints per run: " + perRun);
        for (String[] row : rows) {
            assertEquals("problem-step-" + String.format("%06d", Long.parseLong(row[4])), row[3],
                    "the log's count is the checkpoint's");
            assertFalse(Double.isNaN(Double.parseDouble(row[9])), "a finite score at t = 100");
        }
        CliRunner.Result e = CliRunner.run("evaluate", "--policy", a.toString(), "--out", out.toString(),
                "--no-progress");
        assertEquals(0, e.exitCode(), e.err());
        JsonNode summary = Configs.json().readTree(only(out.resolve("li-malik-logreg-with-policy"))
                .resolve("summary.json").toFile());
        double evaluated = summary.path("optimizers").get(0).path("finalObjective").path("estimate").doubleValue();
        assertEquals(evaluated, Double.parseDouble(rows.get(perRun - 1)[9]), 0.0,
                "the last checkpoint's t = 100 score is evaluate's final mean");
        Path evaluation = only(out.resolve("li-malik-logreg-with-policy"));
        CliRunner.Result withReference = CliRunner.run("learning-curve", a.toString(), "--reference",
                evaluation.toString(), "--reference-only", "momentum", "--gap-to", "lbfgs", "--out",
                out.resolve("with-reference").toString(), "--no-progress");
        assertEquals(0, withReference.exitCode(), withReference.err());
        Path figures = only(out.resolve("with-reference").resolve("learning-curve")).resolve("figures");
        assertTrue(Files.size(figures.resolve("held-out-t100-gap-to-lbfgs-vs-problem-steps.png")) > 0);
        CliRunner.Result unknown = CliRunner.run("learning-curve", a.toString(), "--reference", evaluation.toString(),
                "--reference-only", "adamw", "--out", out.resolve("unknown").toString(), "--no-progress");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("has no optimizer 'adamw'"), unknown.err());
        assertFalse(Files.exists(out.resolve("unknown").resolve("learning-curve")), "nothing written");
        List<String> curve = Files.readAllLines(run.resolve("curves.csv"));
        String[] last100 = curve.stream().filter(l -> l.contains("," + (perRun - 1) + ",") && l.contains(",100,"))
                .findFirst().orElseThrow().split(",");
        double x = Double.parseDouble(rows.get(perRun - 1)[9]);
        double y = Double.parseDouble(rows.get(2 * perRun - 1)[9]);
        assertEquals((x + y) / 2, Double.parseDouble(last100[6]), 1e-15);
        assertEquals(Math.min(x, y), Double.parseDouble(last100[7]), 0.0);
        assertEquals(Math.max(x, y), Double.parseDouble(last100[8]), 0.0);
    }

    /**
     * An experiment file whose test split is the training split (how docs/policy-search.md chooses DQN's round on the
     * training functions) scores those functions; the table, config.yaml and file names name the split instead of
     * calling it held-out, and the last checkpoint's score is {@code l2o evaluate}'s with the same file.
     */
    @Test
    void anExperimentThatScoresAnotherSplitNamesIt() throws IOException {
        Path a = train(0);
        String yaml = Files.readString(Path.of("../../experiments/li-malik-logreg.yaml"));
        assertTrue(yaml.contains("trainSplit: train\n") && yaml.contains("testSplit: test\n"), yaml);
        Path file = Files.writeString(out.resolve("on-train.yaml"), yaml.replace("trainSplit: train\n",
                "trainSplit: test\n").replace("testSplit: test\n", "testSplit: train\n"));
        CliRunner.Result r = CliRunner.run("learning-curve", a.toString(), "--experiment", file.toString(), "--at",
                "40", "--out", out.resolve("on-train").toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("li-malik-logreg: split 'train' mean objective (90 functions of "
                + "logistic-regression)"), r.out());
        assertFalse(r.out().contains("held-out"), r.out());
        Path run = only(out.resolve("on-train").resolve("learning-curve"));
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("split: \"train\""),
                Files.readString(run.resolve("config.yaml")));
        assertTrue(Files.size(run.resolve("figures").resolve("split-train-t40-vs-problem-steps.png")) > 0);
        assertFalse(Files.exists(run.resolve("figures").resolve("held-out-t40-vs-problem-steps.png")));
        List<String> lines = Files.readAllLines(run.resolve("checkpoints.csv"));
        double onTrain = Double.parseDouble(lines.get(lines.size() - 1).split(",")[8]);
        CliRunner.Result e = CliRunner.run("evaluate", "--policy", a.toString(), "--experiment", file.toString(),
                "--set", "evaluateSteps=40", "--out", out.resolve("evaluated").toString(), "--no-progress");
        assertEquals(0, e.exitCode(), e.err());
        JsonNode summary = Configs.json().readTree(only(out.resolve("evaluated").resolve(
                "li-malik-logreg-with-policy")).resolve("summary.json").toFile());
        assertEquals(90, summary.path("testFunctions").asInt());
        assertEquals(summary.path("optimizers").get(0).path("finalObjective").path("estimate").doubleValue(), onTrain,
                0.0, "the last checkpoint's t = 40 score on the training functions is evaluate's final mean");
        CliRunner.Result heldOut = CliRunner.run("learning-curve", a.toString(), "--at", "40", "--out",
                out.resolve("held-out").toString(), "--no-progress");
        assertEquals(0, heldOut.exitCode(), heldOut.err());
        List<String> held = Files.readAllLines(only(out.resolve("held-out").resolve("learning-curve"))
                .resolve("checkpoints.csv"));
        assertTrue(Math.abs(Double.parseDouble(held.get(held.size() - 1).split(",")[8]) - onTrain) > 1e-6,
                "the held-out functions are other functions: " + held.get(held.size() - 1) + " vs " + onTrain);
    }

    @Test
    void aFolderThatIsNotATrainingRunIsOneLineAndExitTwo() {
        CliRunner.Result r = CliRunner.run("learning-curve", out.resolve("nowhere").toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is not a training run folder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out.resolve("learning-curve")), "nothing written");
    }
}
