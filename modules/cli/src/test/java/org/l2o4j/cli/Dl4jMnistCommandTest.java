package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.problems.mnist.IdxFiles;
import org.l2o4j.problems.mnist.MnistImages;

/**
 * {@code l2o dl4j-mnist} at a tiny budget, offline: synthetic digits as MNIST IDX files and an LSTM checkpoint with
 * parameters from a seed. The run folder holds the configuration, provenance, curves, tuning, table, summary and both
 * figures, consistent with one another; a checkpoint that is not a coordinatewise optimizer ends in one line, exit 2,
 * and leaves no run folder.
 */
class Dl4jMnistCommandTest {

    private static final int STEPS = 4;
    private static final int NETWORKS = 2;

    @TempDir
    Path dir;

    private Path digits() {
        Path folder = dir.resolve("idx");
        for (String set : List.of("train", "t10k")) {
            RandomGenerator rng = Seeds.rng(set.length());
            int count = set.equals("train") ? 200 : 60;
            byte[] pixels = new byte[count * MnistImages.PIXELS];
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) (i % MnistImages.CLASSES);
                for (int p = 0; p < MnistImages.PIXELS; p++) {
                    pixels[i * MnistImages.PIXELS + p] = rng.nextDouble() < 0.2 ? (byte) (1 + rng.nextInt(255)) : 0;
                }
            }
            IdxFiles.write(MnistImages.of(pixels, labels, set), folder.resolve(set + "-images-idx3-ubyte.gz"),
                    folder.resolve(set + "-labels-idx1-ubyte.gz"));
        }
        return folder;
    }

    private Path checkpoint() {
        RecurrentSpec spec = new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 20, new LogAndSign(10, false), 0.01);
        RandomGenerator rng = Seeds.rng(5);
        double[] parameters = new double[spec.create().parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = 0.3 * rng.nextGaussian();
        }
        Path file = dir.resolve("lstm.json");
        new RecurrentCheckpoint(spec, parameters, Map.of(), Map.of()).save(file);
        return file;
    }

    @Test
    void tinyRunWritesEverythingConsistently() throws IOException {
        Path out = dir.resolve("runs");
        CliRunner.Result r = CliRunner.run("dl4j-mnist", "--checkpoint", checkpoint().toString(), "--steps",
                String.valueOf(STEPS), "--networks", String.valueOf(NETWORKS), "--tune-steps", "3",
                "--tune-networks", "1", "--seed", "11", "--family-config", "data=idx", "--family-config",
                "dataPath=" + digits(), "--family-config", "batchSize=16", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        for (String label : List.of("lstm-optimizer", "adam", "gradient-descent", "nesterov")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label + " ")), label + " row in\n" + r.out());
        }
        Path run;
        try (Stream<Path> s = Files.list(out.resolve(Dl4jMnistCommand.EXPERIMENT))) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size(), runs.toString());
            run = runs.get(0);
        }
        Map<String, Object> config = Configs.readYaml(run.resolve("config.yaml"));
        assertEquals(STEPS, config.get("steps"));
        assertEquals(11, ((Number) config.get("seed")).intValue());
        JsonNode provenance = Configs.json().readTree(run.resolve("provenance.json").toFile());
        assertEquals(11, provenance.get("seed").asInt());
        assertFalse(provenance.get("gitCommit").asText().isEmpty());
        assertTrue(provenance.get("versions").size() > 0);

        List<String> curves = Files.readAllLines(run.resolve("curves.csv"));
        assertEquals("optimizer,network,iteration,loss,gradient_norm,seconds", curves.get(0));
        assertEquals(1 + 4 * NETWORKS * (STEPS + 1), curves.size());
        assertEquals(1 + 3 * 9, Files.readAllLines(run.resolve("tuning.csv")).size(), "three default grids of 9");

        JsonNode summary = Configs.json().readTree(run.resolve("summary.json").toFile());
        assertEquals("lstm-optimizer", summary.get("learnedOptimizer").asText());
        JsonNode adam = summary.get("table").get(1);
        assertEquals("adam", adam.get("optimizer").asText());
        assertEquals(1.0, adam.get("ratioToAdam").asDouble(), 1e-12);
        double finalMean = 0;
        for (String line : curves) {
            String[] f = line.split(",");
            if (f[0].equals("adam") && f[2].equals(String.valueOf(STEPS))) {
                finalMean += Double.parseDouble(f[3]) / NETWORKS;
            }
        }
        assertEquals(finalMean, adam.get("finalLossMean").asDouble(), 1e-12 * finalMean, "table agrees with curves");
        for (String figure : List.of("loss-vs-iteration", "loss-vs-seconds")) {
            assertTrue(Files.size(run.resolve("figures").resolve(figure + ".png")) > 0, figure);
            assertTrue(Files.size(run.resolve("figures").resolve(figure + ".svg")) > 0, figure);
        }
    }

    @Test
    void feedForwardCheckpointIsRefusedInOneLine() {
        Path out = dir.resolve("refused");
        CliRunner.Result r = CliRunner.run("dl4j-mnist", "--checkpoint", "zoo:li-malik-logreg", "--out",
                out.toString(), "--no-progress");
        assertEquals(L2o.BAD_INPUT, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("l2o: error: LearnedUpdater runs coordinatewise recurrent optimizers"), r.err());
        assertFalse(Files.exists(out.resolve(Dl4jMnistCommand.EXPERIMENT)), "no run folder is left behind");
    }
}
