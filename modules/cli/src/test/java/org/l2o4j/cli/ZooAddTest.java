package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.zoo.Zoo;

/**
 * {@code l2o zoo add}: a trained run and its evaluation become an entry of the zoo module's resources, written into a
 * stand-in checkout ({@code -Dl2o.home}) so that the real zoo is not touched. The entry keeps the shipped ones, copies
 * the run's latest policy byte for byte under its digest, and records the budget, the evaluation's scores and the
 * re-scoring of the first test functions.
 */
class ZooAddTest {

    private static final String ZOO = "modules/zoo/src/main/resources/org/l2o4j/zoo";

    @Test
    void aTrainedRunBecomesAnEntryBesideTheShippedOnes(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("train");
        CliRunner.Result t = CliRunner.run("train", "li-malik-logreg-cmaes", "--set", "hiddenUnits=4", "--set",
                "subspaceDimension=6", "--set", "functionsPerGeneration=4", "--set", "problemSteps=20000", "--set",
                "checkpoints=1", "--out", root.toString(), "--no-progress");
        assertEquals(0, t.exitCode(), t.err());
        Path run;
        try (Stream<Path> s = Files.list(root.resolve("li-malik-logreg-cmaes"))) {
            run = s.toList().get(0);
        }
        Path evalRoot = dir.resolve("eval");
        CliRunner.Result e = CliRunner.run("evaluate", "--policy", run.toString(), "--out", evalRoot.toString(),
                "--no-progress");
        assertEquals(0, e.exitCode(), e.err());
        Path evaluation;
        try (Stream<Path> s = Files.list(evalRoot.resolve("li-malik-logreg-with-policy"))) {
            evaluation = s.toList().get(0);
        }

        Path home = dir.resolve("checkout");
        Path zoo = Files.createDirectories(home.resolve(ZOO));
        Path experiments = Path.of("../../experiments").toAbsolutePath().normalize();
        Files.createSymbolicLink(home.resolve("experiments"), experiments);
        CliRunner.Result bad = CliRunner.runIn(home, "zoo", "add", "Tiny_CMA", "--run", run.toString(),
                "--evaluation", evaluation.toString(), "--summary", "x");
        CliRunner.Result added = CliRunner.runIn(home, "zoo", "add", "tiny-cmaes", "--run", run.toString(),
                "--evaluation", evaluation.toString(), "--summary", "CMA-ES, a 4-unit policy, 20,000 problem-steps");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().startsWith("l2o: error: zoo entry name 'Tiny_CMA' must be lower-case"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertEquals(0, added.exitCode(), added.err());

        JsonNode entries = Configs.json().readTree(zoo.resolve("entries.json").toFile());
        List<String> names = new ArrayList<>();
        entries.forEach(n -> names.add(n.path("name").asText()));
        List<String> expected = new ArrayList<>(new Zoo().entries().keySet());
        expected.add("tiny-cmaes");
        expected.sort(null);
        assertEquals(expected, names, "the shipped entries and the new one, by name");

        JsonNode entry = entries.get(names.indexOf("tiny-cmaes"));
        Path file = zoo.resolve(entry.path("checkpoint").asText());
        assertEquals(zoo.resolve("tiny-cmaes"), file.getParent());
        Path policy = TrainingFolder.latestFile(run, file.getFileName().toString());
        byte[] copied = Files.readAllBytes(file);
        assertArrayEquals(Files.readAllBytes(policy), copied, "the policy, byte for byte");
        assertEquals(Sha256.of(copied), entry.path("sha256").asText());
        assertEquals(Files.readString(run.resolve("training.yaml")),
                Files.readString(zoo.resolve("tiny-cmaes/training.yaml")));
        assertTrue(entry.path("training").path("budget").asText().startsWith("20,000 problem-steps"),
                entry.path("training").toString());

        JsonNode summary = Configs.json().readTree(evaluation.resolve("summary.json").toFile());
        JsonNode learned = summary.path("optimizers").get(0).path("mean").path("estimate");
        assertEquals(learned.get(learned.size() - 1).asDouble(), entry.path("heldOut").path("learnedFinal").asDouble(),
                0.0, "the evaluation's final mean of the learned optimizer");
        JsonNode finals = entry.path("rescore").path("finalObjective");
        assertEquals(ZooCommand.RESCORED_FUNCTIONS, finals.size(), entry.path("rescore").toString());
        for (JsonNode f : finals) {
            assertTrue(Double.isFinite(f.asDouble()) && f.asDouble() > 0, "a logistic loss: " + f);
        }
        assertFalse(Files.exists(zoo.resolve("Tiny_CMA")), "the refused name wrote nothing");
        assertFalse(Files.exists(Path.of("../zoo/src/main/resources/org/l2o4j/zoo/tiny-cmaes")),
                "the repository's own zoo is untouched");
    }
}
