package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges issue 12 found, each of which failed before: a stack trace for an unknown split, a wrong type reported in
 * Jackson's words without the key, a bad {@code --set} blamed on the experiment file, YAML's .nan and .inf called
 * malformed, and an empty run folder left behind by a command that failed on its input.
 */
class BadInputEdgesTest {

    @TempDir
    Path dir;

    private static void oneLine(CliRunner.Result r) {
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private boolean empty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void unknownSplitOfExportIsOneLine() {
        CliRunner.Result r = CliRunner.run("export", "--family", "logistic-regression", "--split", "nosuch",
                "--index", "0", "--out", dir.resolve("f.json").toString());
        oneLine(r);
        assertTrue(r.err().contains("no split 'nosuch'") && r.err().contains("[train, test]"), r.err());
    }

    @Test
    void wrongTypeNamesTheKeyAndTheValue() throws IOException {
        Path f = dir.resolve("lots.yaml");
        Files.writeString(f, "name: x\nfamily: rosenbrock\nevaluateSteps: lots\noptimizers: [adam]\n");
        CliRunner.Result r = CliRunner.run("reproduce", f.toString(), "--out", dir.resolve("runs").toString());
        oneLine(r);
        assertTrue(r.err().contains("'evaluateSteps' must be a whole number, got \"lots\""), r.err());
        assertFalse(r.err().contains("CoercionConfig"), r.err());
    }

    @Test
    void badSetIsBlamedOnTheOptionNotTheFile() {
        CliRunner.Result type = CliRunner.run("reproduce", "rosenbrock-baselines", "--set", "evaluateSteps=lots",
                "--out", dir.toString());
        oneLine(type);
        assertTrue(type.err().contains("--set evaluateSteps=lots: 'evaluateSteps' must be a whole number"),
                type.err());
        CliRunner.Result key = CliRunner.run("train", "renn-quadratic-gru", "--set", "epoch=3", "--out",
                dir.toString());
        oneLine(key);
        assertTrue(key.err().startsWith("l2o: error: --set epoch=3: unknown key 'epoch'"), key.err());
        CliRunner.Result training = CliRunner.run("train", "renn-quadratic-gru", "--set", "epochs=lots", "--out",
                dir.toString());
        oneLine(training);
        assertTrue(training.err().contains("--set epochs=lots: 'epochs' must be a whole number"), training.err());
        CliRunner.Result zero = CliRunner.run("train", "li-malik-logreg-gps", "--set", "iterations=0", "--out",
                dir.toString());
        oneLine(zero);
        assertTrue(zero.err().contains("--set iterations=0: iterations must be at least 1"), zero.err());
    }

    @Test
    void yamlInfinityAndNanAreCalledNotFinite() throws IOException {
        CliRunner.Result set = CliRunner.run("train", "renn-quadratic-gru", "--set", "metaL2=-.inf", "--out",
                dir.toString());
        oneLine(set);
        assertTrue(set.err().contains("--set metaL2=-.inf: the value must be a finite number"), set.err());
        Path f = dir.resolve("nan.yaml");
        Files.writeString(f, "name: x\nfamily: rosenbrock\noptimizers:\n  - name: adam\n    grid: {learningRate: "
                + "[.NaN, 0.1]}\n");
        CliRunner.Result file = CliRunner.run("reproduce", f.toString(), "--out", dir.toString());
        oneLine(file);
        assertTrue(file.err().contains(".NaN is not a finite number") && file.err().contains("(line 5)"),
                file.err());
    }

    @Test
    void aPolicyEvaluatedOnAnotherDimensionIsRefusedInOneLine() throws IOException {
        CliRunner.Result t = CliRunner.run("train", "li-malik-logreg-cmaes", "--set", "hiddenUnits=4", "--set",
                "subspaceDimension=6", "--set", "functionsPerGeneration=4", "--set", "problemSteps=20000", "--set",
                "checkpoints=1", "--out", dir.resolve("train").toString(), "--no-progress");
        assertEquals(0, t.exitCode(), t.err());
        Path run;
        try (Stream<Path> s = Files.list(dir.resolve("train").resolve("li-malik-logreg-cmaes"))) {
            run = s.toList().get(0);
        }
        Path out = dir.resolve("runs");
        CliRunner.Result r = CliRunner.run("evaluate", "--policy", run.toString(), "--experiment",
                "l2l-quadratic-baselines", "--out", out.toString(), "--no-progress");
        oneLine(r);
        assertTrue(r.err().contains("trained for problems of dimension 4") && r.err().contains("dimension 10"),
                r.err());
        assertTrue(empty(out));
        CliRunner.Result notATraining = CliRunner.run("evaluate", "--policy", dir.toString(), "--no-progress");
        oneLine(notATraining);
        assertTrue(notATraining.err().contains("is not a training run folder")
                && notATraining.err().contains("'l2o train' wrote"), notATraining.err());
    }

    @Test
    void aCommandThatFailsOnItsInputLeavesNoFolder() throws IOException {
        Path out = dir.resolve("runs");
        Path f = dir.resolve("t3.yaml");
        Files.writeString(f, "name: t3\nfamily: rosenbrock\nseed: 1\ntuneSteps: 5\nevaluateSteps: 5\n"
                + "optimizers: [nosuchopt]\n");
        oneLine(CliRunner.run("reproduce", f.toString(), "--out", out.toString(), "--no-progress"));
        oneLine(CliRunner.run("compare", "--family", "nosuchfam", "--optimizers", "adam", "--out", out.toString(),
                "--no-progress"));
        assertTrue(empty(out), "left behind: " + (Files.exists(out) ? Files.list(out).toList() : "nothing"));
    }

    /** Found by fuzzing: {@code family:} without a value was a NullPointerException in the experiment's checks. */
    @Test
    void aKeyWithoutAValueIsNamed() throws IOException {
        Path f = dir.resolve("nofamily.yaml");
        Files.writeString(f, "name: x\nfamily:\noptimizers: [adam]\n");
        CliRunner.Result r = CliRunner.run("reproduce", f.toString(), "--out", dir.resolve("runs").toString());
        oneLine(r);
        assertTrue(r.err().contains("'family' has no value"), r.err());
    }
}
