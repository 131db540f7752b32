package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/**
 * {@code l2o sweep TRAINING}: each point trains (the cross-entropy method at a tiny budget) and evaluates the trained
 * optimizer as {@code l2o evaluate} does; the table's numbers are the points' own, the points' files the same bytes on
 * Spark's local[2], and bad input one line with nothing written.
 */
class TrainingSweepCommandTest {

    private static final String TRAINING = "li-malik-logreg-cem";
    /** Two generations of 4 candidates on 3 functions, every checkpoint kept (keepEvery=1), and a small evaluation. */
    private static final String[] TINY = {"--set", "generations=2", "--set", "population=4", "--set", "conditions=3",
        "--set", "functionsPerGeneration=2", "--set", "horizon=5", "--set", "checkpointEvery=1", "--set",
        "keepEvery=1", "--evaluation-set", "tuneSteps=4", "--evaluation-set", "evaluateSteps=10",
        "--evaluation-set", "familyConfig={testProblems: 6, trainProblems: 4}", "--no-progress"};
    private static final String[] SAME_EVALUATION = {"--set", "tuneSteps=4", "--set", "evaluateSteps=10", "--set",
        "familyConfig={testProblems: 6, trainProblems: 4}", "--no-progress"};

    @Test
    void aReplicateSweepTrainsEvaluatesAndAgreesWithItsPoints(@TempDir Path out) throws Exception {
        CliRunner.Result r = run(out.resolve("local"), "--seeds", "7", "--replicates", "0,1");
        Path sweep = only(out.resolve("local"));
        assertTrue(r.out().contains("each point trains li-malik-logreg-cem (cem-training) and evaluates it in "
                + "li-malik-logreg"), r.out());

        List<String> rows = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertEquals("point,overrides,optimizer,final_mean,final_median,mean_over_steps,diverged,training_unit,"
                + "training_units,problem_steps", rows.get(0));
        assertEquals(1 + 2 * 6, rows.size(), "2 points x (the trained policy, gps-policy and 4 baselines)");
        Map<?, ?> json = Configs.json().readValue(sweep.resolve("sweep.json").toFile(), Map.class);
        List<?> optimizers = (List<?>) json.get("optimizers");
        List<double[]> perPoint = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Path point = sweep.resolve("points/00" + p);
            assertTrue(Files.readString(point.resolve("training/training.yaml")).contains("replicate: " + p));
            // Only the latest checkpoint travels, though keepEvery=1 kept both on the executor.
            try (Stream<Path> s = Files.list(point.resolve("training/checkpoints"))) {
                assertEquals(List.of("generation-000002", "latest.json"), s.map(f -> f.getFileName().toString())
                        .sorted().toList());
            }
            List<String> log = Files.readAllLines(point.resolve("training/training-log.csv"));
            assertEquals(3, log.size(), "header and two generations");
            // The sweep's numbers are the point's own: its evaluation's summary.json, its training's log.
            List<?> summaries = (List<?>) Configs.json().readValue(point.resolve("evaluation/summary.json").toFile(),
                    Map.class).get("optimizers");
            double[] finals = new double[summaries.size()];
            for (int k = 0; k < finals.length; k++) {
                Map<?, ?> s = (Map<?, ?>) summaries.get(k);
                finals[k] = ((Number) ((Map<?, ?>) s.get("finalObjective")).get("estimate")).doubleValue();
                String[] row = rows.get(1 + 6 * p + k).split(",");
                assertEquals(String.valueOf(p), row[0]);
                assertEquals(s.get("label"), row[2]);
                assertEquals(finals[k], Double.parseDouble(row[3]), 0.0, rows.get(1 + 6 * p + k));
                assertEquals("generation,2," + log.get(2).split(",")[1], row[7] + "," + row[8] + "," + row[9]);
                assertEquals(finals[k], ((Number) ((List<?>) ((Map<?, ?>) optimizers.get(k)).get(
                        "finalMeanPerPoint")).get(p)).doubleValue(), 0.0);
            }
            perPoint.add(finals);
        }
        assertEquals("cem-policy", ((Map<?, ?>) optimizers.get(0)).get("label"));
        assertNotEquals(perPoint.get(0)[0], perPoint.get(1)[0], "another replicate trains another policy");
        for (int k = 1; k < 6; k++) {
            assertEquals(perPoint.get(0)[k], perPoint.get(1)[k], 0.0, "the baselines' evaluation is the same at "
                    + "every point");
        }
        // The printed table: the trained policy's mean and median over the two points.
        double mean = (perPoint.get(0)[0] + perPoint.get(1)[0]) / 2;
        String line = r.out().lines().filter(l -> l.startsWith("cem-policy ")).findFirst().orElseThrow();
        assertEquals(String.format(Locale.ROOT, "%.5g", mean), line.split(" +")[1], line);
        assertTrue(r.out().contains("training at each point"), r.out());
        assertEquals(3, Files.readAllLines(sweep.resolve("timing.csv")).size());
        assertTrue(Files.size(sweep.resolve("figures/final-mean-by-point.png")) > 0);

        // No file names the scratch folder the point ran in; the trained policy is named by its place in the sweep.
        try (Stream<Path> files = Files.walk(sweep)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).toList()) {
                assertFalse(Files.readString(f).contains("l2o4j-sweep-"), f.toString());
            }
        }
        assertTrue(Files.readString(sweep.resolve("points/001/evaluation/tuning.json"))
                .contains("\"points/001/training/checkpoints/generation-000002/policy.json\""));

        // The point's training folder is a run folder: l2o evaluate on it gives the point's evaluation, the same
        // bytes but for the policy's path, here absolute.
        Path again = out.resolve("again");
        CliRunner.Result evaluate = CliRunner.run(concat(new String[] {"evaluate", "--policy",
            sweep.resolve("points/001/training").toString(), "--out", again.toString()}, SAME_EVALUATION));
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        Path evaluation = only(again);
        for (String f : List.of("config.yaml", "tuning.json", "results.csv", "summary.json")) {
            assertEquals(Files.readString(sweep.resolve("points/001/evaluation/" + f)), Files.readString(
                    evaluation.resolve(f)).replace(sweep.toAbsolutePath() + "/", ""), f);
        }
    }

    @Test
    void pointsOnSparkAreTheSameBytes(@TempDir Path out) throws Exception {
        run(out.resolve("local"), "--seeds", "7,8");
        CliRunner.Result spark = run(out.resolve("spark"), "--seeds", "7,8", "--engine", "spark", "--master",
                "local[2]");
        assertTrue(spark.out().contains("engine: spark, master local[2,4]"), spark.out());
        Path local = only(out.resolve("local"));
        Path cluster = only(out.resolve("spark"));
        for (String f : List.of("sweep.csv", "sweep.json")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve(f)), f);
        }
        List<String> compared = new ArrayList<>();
        try (Stream<Path> files = Files.walk(local.resolve("points"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = local.relativize(f).toString();
                Path other = cluster.resolve(name);
                if (name.endsWith("provenance.json") || name.endsWith("summary.json") && name.contains("training/")
                        || name.contains("timing")) {
                    // Wall-clock, machine and start time: where and when the point ran.
                    assertTrue(Files.isRegularFile(other), name);
                } else if (name.endsWith("training-log.csv")) {
                    assertEquals(withoutSeconds(f), withoutSeconds(other), name);
                } else {
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), name);
                }
                compared.add(name);
            }
        }
        assertTrue(compared.contains("points/001/training/checkpoints/generation-000002/policy.json"), compared
                .toString());
        assertTrue(compared.contains("points/001/evaluation/results.csv"), compared.toString());
    }

    @Test
    void aTrainingWithoutEvaluationOrWithABadKeyIsRefusedInOneLine(@TempDir Path out) {
        CliRunner.Result none = CliRunner.run("sweep", TRAINING, "--seeds", "1,2", "--set", "evaluation=''", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().contains("names no 'evaluation' experiment") && none.err().contains("add one"),
                none.err());
        assertEquals(1, none.err().strip().lines().count(), none.err());

        CliRunner.Result bad = CliRunner.run("sweep", TRAINING, "--seeds", "1", "--vary", "populatoin=4,8", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().startsWith("l2o: error: --vary populatoin=4: ") && bad.err().contains("'populatoin'")
                && bad.err().contains("population"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());

        CliRunner.Result yaml = CliRunner.run("sweep", TRAINING, "--seeds", "1", "--vary", "population=[4,8", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, yaml.exitCode(), yaml.err());
        assertTrue(yaml.err().startsWith("l2o: error: --vary population=[4: the value is not valid YAML"),
                yaml.err());

        CliRunner.Result replicates = CliRunner.run("sweep", "li-malik-logreg", "--replicates", "0,1", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, replicates.exitCode(), replicates.err());
        assertTrue(replicates.err().contains("--replicates is for a training file"), replicates.err());
        assertFalse(Files.exists(out.resolve(TRAINING + "-sweep")), "nothing written");
        assertFalse(Files.exists(out.resolve("li-malik-logreg-sweep")), "nothing written");
    }

    private static CliRunner.Result run(Path out, String... extra) {
        CliRunner.Result r = CliRunner.run(concat(concat(new String[] {"sweep", TRAINING, "--out", out.toString()},
                extra), TINY));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("final mean objective across points"), r.out());
        return r;
    }

    /** The log without its per-row wall-clock column. */
    private static List<String> withoutSeconds(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static Path only(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            Path parent = s.findFirst().orElseThrow();
            try (Stream<Path> runs = Files.list(parent)) {
                List<Path> all = runs.toList();
                assertEquals(1, all.size(), all.toString());
                return all.get(0);
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
