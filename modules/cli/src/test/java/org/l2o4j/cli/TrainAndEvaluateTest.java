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
 * The learned optimizers end to end through the CLI at tiny budgets: train (two GPS iterations, or two BPTT epochs of
 * the LSTM), resume to a third, then compare the trained optimizer with the baselines on held-out functions; and bad
 * input is named in one line.
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
            assertEquals(16, line.split(",").length, "problem-steps, cost, KL, η, step, bumps, redrawn samples, total "
                    + "and six phase times: " + line);
        }
        long perIteration = Long.parseLong(log.get(1).split(",")[1]);
        for (int k = 1; k < log.size(); k++) {
            assertEquals(k * perIteration, Long.parseLong(log.get(k).split(",")[1]),
                    "every iteration spends the same problem-steps, across the resume too: " + log.get(k));
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

    /** Two epochs of 4 quadratics x 20 steps, validated on 2 functions after each. */
    private static final String[] TINY_BPTT = {"--set", "problemsPerEpoch=4", "--set", "stepsPerProblem=20",
        "--set", "validationProblems=2", "--set", "validationSteps=20", "--set", "validateEveryEpochs=1", "--set",
        "checkpointEveryEpochs=1", "--no-progress"};

    @Test
    void lstmTrainResumeAndEvaluate(@TempDir Path out) throws Exception {
        CliRunner.Result train = CliRunner.run(concat(new String[] {"train", "l2l-quadratic-lstm", "--set", "epochs=2",
            "--out", out.toString()}, TINY_BPTT));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("epoch 1:") && train.out().contains("epoch 2:"), train.out());
        Path run = onlyChild(out.resolve("l2l-quadratic-lstm"));
        assertEquals(4, Files.readAllLines(run.resolve("training-log.csv")).size(), "header, epochs 0, 1 and 2");
        assertTrue(Files.isRegularFile(run.resolve("provenance.json")));

        CliRunner.Result refused = CliRunner.run(concat(new String[] {"train", "--resume", run.toString(), "--set",
            "epochs=3", "--set", "metaLearningRate=0.5"}, TINY_BPTT));
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("metaLearningRate"), refused.err());

        CliRunner.Result resumed = CliRunner.run(concat(new String[] {"train", "--resume", run.toString(), "--set",
            "epochs=3"}, TINY_BPTT));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("epoch 3:") && !resumed.out().contains("epoch 2:"), resumed.out());
        assertEquals(5, Files.readAllLines(run.resolve("training-log.csv")).size());
        Map<?, ?> trained = Configs.json().readValue(Files.readString(run.resolve("summary.json")), Map.class);
        assertEquals(3, trained.get("epochs"));

        Path results = out.resolve("evaluations");
        CliRunner.Result evaluate = CliRunner.run("evaluate", "--policy", run.toString(), "--set", "tuneSteps=3",
                "--set", "evaluateSteps=20", "--out", results.toString(), "--no-progress");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        Path comparison = onlyChild(results.resolve("l2l-quadratic-baselines-with-policy"));
        Map<?, ?> summary = Configs.json().readValue(Files.readString(comparison.resolve("summary.json")), Map.class);
        Map<?, ?> learned = (Map<?, ?>) ((List<?>) summary.get("optimizers")).get(0);
        assertEquals("lstm-optimizer", learned.get("label"));
        double finalMean = ((Number) ((Map<?, ?>) learned.get("finalObjective")).get("estimate")).doubleValue();
        assertTrue(Double.isFinite(finalMean), "the LSTM's final mean objective " + finalMean);
    }

    @Test
    void aMisspeltBpttKeyIsNamed(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("train", "l2l-quadratic-lstm", "--set", "epochz=3", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'epochz'") && r.err().contains("epochs"), r.err());
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
