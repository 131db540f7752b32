package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends with one line naming the problem and exit status 2, and leaves no run folder. */
class BadInputTest {

    @Test
    void unknownFamilyListsTheKnownOnes(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("compare", "--family", "logistic", "--optimizers", "adam", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown family 'logistic'") && r.err().contains("logistic-regression"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void unknownOptimizerIsNamed(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adma", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown optimizer 'adma'"), r.err());
    }

    /** Refused before any work, not after it: the stats file is written when the command is done. */
    @Test
    void engineStatsNamingAFolderIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs");
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adam", "--steps", "5",
                "--tune-steps", "3", "--engine-stats", dir.toString(), "--out", out.toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertEquals("l2o: error: --engine-stats " + dir + " is a folder; give the name of the CSV file to write",
                r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void malformedExperimentFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "name: x\nfamily: rosenbrock\noptimizers: [adam\n");
        CliRunner.Result r = CliRunner.run("reproduce", f.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("malformed") && r.err().contains("broken.yaml"), r.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing may be written for a bad experiment");
    }

    @Test
    void misspeltKeyInAnExperimentIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("typo.yaml");
        Files.writeString(f, "name: x\nfamily: rosenbrock\nevaluateStep: 5\noptimizers: [adam]\n");
        CliRunner.Result r = CliRunner.run("reproduce", f.toString(), "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'evaluateStep'") && r.err().contains("evaluateSteps"), r.err());
    }

    @Test
    void unknownExperimentPointsToTheList() {
        CliRunner.Result r = CliRunner.run("reproduce", "no-such-experiment");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no experiment 'no-such-experiment'") && r.err().contains("l2o list"), r.err());
    }

    @Test
    void unwritableOutputFolderIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("occupied");
        Files.writeString(file, "a file, not a folder");
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adam", "--steps", "2",
                "--out", file.toString(), "--no-progress");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("occupied") && r.err().contains("--out"), r.err());
    }

    @Test
    void badOptionGetsUsage() {
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adam", "--stesp", "5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Unknown option") && r.err().contains("--stesp"), r.err());
    }

    @Test
    void badFamilySettingIsNamed() {
        CliRunner.Result r = CliRunner.run("export", "--family", "logistic-regression", "--family-config",
                "pointsPerClas=10");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'pointsPerClas'") && r.err().contains("pointsPerClass"), r.err());
    }

    @Test
    void exportIndexOutsideTheSplitIsNamed() {
        CliRunner.Result r = CliRunner.run("export", "--family", "logistic-regression", "--split", "train",
                "--index", "90");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("90 functions (0..89)"), r.err());
    }
}
