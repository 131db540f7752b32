package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.analysis.dynamics.JacobianCheck;
import org.l2o4j.analysis.dynamics.NetworkCell;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.training.BoundTraining;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;

/**
 * {@code l2o analyze} on tiny trained runs of renn's GRU and Andrychowicz et al.'s LSTM: every output file and figure
 * written with finite numbers, the trained networks' Jacobians against finite differences; a tiny Li & Malik policy
 * (CMA-ES) through the feed-forward analyses; and a one-line error for a missing folder.
 */
class AnalyzeCommandTest {

    @TempDir
    Path out;

    private Path train(String name, String... settings) throws IOException {
        Path root = out.resolve("train-" + name);
        String[] base = {"train", name, "--out", root.toString(), "--no-progress"};
        String[] args = java.util.Arrays.copyOf(base, base.length + settings.length);
        System.arraycopy(settings, 0, args, base.length, settings.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> s = Files.list(root.resolve(name))) {
            return s.toList().get(0);
        }
    }

    @Test
    void analyzesATrainedGruAndWritesEveryOutput() throws IOException {
        Path run = train("renn-quadratic-gru", "--set", "epochs=3", "--set", "hiddenUnits=8", "--set",
                "problemsPerEpoch=8", "--set", "stepsPerProblem=30", "--set", "unrollLength=30", "--set",
                "validateEveryEpochs=3", "--set", "checkpointEveryEpochs=3");
        CliRunner.Result r = CliRunner.run("analyze", run.toString(), "--problems", "4", "--steps", "25", "--starts",
                "40", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("dominant mode"), r.out());
        Path analysis = run.resolve("analysis");
        for (String f : List.of("summary.json", "settings.json", "provenance.json", "eigenmodes.csv",
                "fixed-points.csv", "loss-curves.csv", "update-functions.csv", "update-function-rates.csv",
                "gradient-density.csv", "learning-rate-schedule.csv", "s-curve.csv")) {
            assertTrue(Files.size(analysis.resolve(f)) > 0, f);
        }
        for (String f : List.of("eigenvalues", "momentum", "replay", "update-function-h0", "update-functions-pc1",
                "update-functions-pc4", "gradient-density", "learning-rate-schedule", "s-curve", "s-curve-rates",
                "state-trajectories")) {
            assertTrue(Files.size(analysis.resolve("figures").resolve(f + ".png")) > 0, f);
            assertTrue(Files.size(analysis.resolve("figures").resolve(f + ".svg")) > 0, f);
        }
        JsonNode summary = Configs.json().readTree(analysis.resolve("summary.json").toFile());
        for (String path : List.of("/fixedPoints/convergencePointSpeed", "/momentum/largestAbsEigenvalue",
                "/momentum/optimalAlpha", "/replay/learnedFinalMean", "/replay/replayFinalMean",
                "/updateFunctions/rateAtInitialState", "/learningRateSchedule/peakRate", "/sCurve/largestSpeed")) {
            assertTrue(Double.isFinite(summary.at(path).asDouble(Double.NaN)), path + " = " + summary.at(path));
        }
        assertTrue(summary.at("/fixedPoints/convergencePointSpeed").asDouble() < 1e-12);
        assertEquals(4, summary.at("/testFunctions").asInt());
        try (Stream<Path> files = Files.list(run)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "no staging left");
        }
        Path checkpoint = Path.of(Configs.json().readTree(analysis.resolve("settings.json").toFile())
                .path("checkpoint").asText());
        JacobianCheck.assertMatches(new NetworkCell(RecurrentCheckpoint.load(checkpoint).kernel()), 0.3, 1e-3);
    }

    @Test
    void trainedLstmJacobiansMatchFiniteDifferences() throws IOException {
        Path run = train("l2l-quadratic-lstm", "--set", "epochs=2", "--set", "problemsPerEpoch=4", "--set",
                "validateEveryEpochs=2", "--set", "checkpointEveryEpochs=2");
        Path checkpoint = Path.of(String.valueOf(BoundTraining.bind(org.l2o4j.core.training.TrainingFolder.readFile(
                run), "test").trainer().trainedOptimizer(run).hyperparameters().get("checkpoint")));
        NetworkCell cell = new NetworkCell(RecurrentCheckpoint.load(checkpoint).kernel());
        JacobianCheck.assertMatches(cell, 0.3, 1e-3);
        JacobianCheck.assertMatches(cell, -2e-6, 1e-3);
    }

    @Test
    void analyzesAPolicyAndRefusesAMissingFolder() throws IOException {
        Path run = train("li-malik-logreg-cmaes", "--set", "hiddenUnits=4", "--set", "subspaceDimension=6", "--set",
                "functionsPerGeneration=4", "--set", "problemSteps=20000", "--set", "checkpoints=1");
        CliRunner.Result r = CliRunner.run("analyze", run.toString(), "--problems", "3", "--steps", "15",
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("effective learning rate"), r.out());
        Path analysis = run.resolve("analysis");
        for (String f : List.of("summary.json", "effective-learning-rate.csv", "update-functions.csv",
                "constant-gradient.csv", "loss-curve.csv")) {
            assertTrue(Files.size(analysis.resolve(f)) > 0, f);
        }
        JsonNode summary = Configs.json().readTree(analysis.resolve("summary.json").toFile());
        assertTrue(Double.isFinite(summary.at("/effectiveLearningRate/medianAtFirstStep").asDouble(Double.NaN)));
        CliRunner.Result missing = CliRunner.run("analyze", out.resolve("nosuch").toString(), "--no-progress");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
