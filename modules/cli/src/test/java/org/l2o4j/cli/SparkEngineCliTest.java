package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark} on Spark's local[2] master: the main job's results and a small GPS training's checkpoints are
 * the same bytes as on the local engine, and a unit that fails on every attempt ends the command in one line naming
 * it, exit 2, no run folder left.
 */
class SparkEngineCliTest {

    private static final String[] SMALL = {"--set", "tuneSteps=5", "--set", "evaluateSteps=15", "--no-progress"};

    @Test
    void theMainJobOnSparkGivesTheLocalEnginesBytes(@TempDir Path out) throws Exception {
        CliRunner.Result local = CliRunner.run(concat(new String[] {"reproduce", "li-malik-logreg", "--out",
            out.resolve("local").toString()}, SMALL));
        assertEquals(0, local.exitCode(), local.err());
        CliRunner.Result spark = CliRunner.run(concat(new String[] {"reproduce", "li-malik-logreg", "--engine",
            "spark", "--master", "local[2]", "--out", out.resolve("spark").toString()}, SMALL));
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.out().contains("engine: spark, master local[2,4]"), spark.out());
        Path a = onlyRun(out.resolve("local"));
        Path b = onlyRun(out.resolve("spark"));
        for (String file : List.of("config.yaml", "tuning.json", "results.csv", "summary.json", "best-known.csv",
                "profiles.csv", "paired-differences.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        assertTrue(Files.readString(b.resolve("provenance.json")).contains("\"engine\" : \"spark, master local[2,4]"));
    }

    /** GPS's sampling, fits, linearizations and C-steps go to Spark as units, priors and all. */
    @Test
    void aGpsTrainingOnSparkWritesTheLocalEnginesCheckpoints(@TempDir Path out) throws Exception {
        String[] small = {"--set", "profile=tiny", "--set", "conditions=3", "--set", "iterations=2", "--set",
            "keepEvery=1", "--no-progress"};
        CliRunner.Result local = CliRunner.run(concat(new String[] {"train", "li-malik-logreg-gps", "--out",
            out.resolve("local").toString()}, small));
        assertEquals(0, local.exitCode(), local.err());
        CliRunner.Result spark = CliRunner.run(concat(new String[] {"train", "li-malik-logreg-gps", "--engine",
            "spark", "--master", "local[2]", "--out", out.resolve("spark").toString()}, small));
        assertEquals(0, spark.exitCode(), spark.err());
        Path a = onlyRun(out.resolve("local"), "li-malik-logreg-gps");
        Path b = onlyRun(out.resolve("spark"), "li-malik-logreg-gps");
        List<String> files;
        try (Stream<Path> s = Files.walk(a.resolve("checkpoints"))) {
            files = s.filter(Files::isRegularFile).map(f -> a.relativize(f).toString())
                    .filter(f -> !f.endsWith("manifest.json") && !f.endsWith("latest.json")).sorted().toList();
        }
        assertTrue(files.stream().filter(f -> f.contains("priors")).count() == 2, files.toString());
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        assertEquals(deterministicColumns(a.resolve("training-log.csv")),
                deterministicColumns(b.resolve("training-log.csv")));
    }

    /** The log without its timing columns (seconds onwards). */
    private static List<String> deterministicColumns(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(line -> String.join(",", List.of(line.split(",")).subList(0,
                8))).toList();
    }

    @Test
    void aUnitFailingOnEveryAttemptIsNamedInOneLine(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adam,explodes",
                "--steps", "5", "--tune-steps", "3", "--engine", "spark", "--master", "local[2]", "--out",
                out.toString(), "--no-progress");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("l2o: error: unit 'tune explodes, setting 1' failed: exploded on", r.err().strip()
                .replaceAll(" [0-9]+ functions.*", ""), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out.resolve("compare-rosenbrock")), "nothing half-written");
    }

    @Test
    void aMasterWithoutAClusterEngineIsRefused(@TempDir Path out) {
        CliRunner.Result r = CliRunner.run("reproduce", "li-malik-logreg", "--master", "local[2]", "--out",
                out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--master local[2] is for a cluster engine; add --engine spark"), r.err());
        CliRunner.Result unknown = CliRunner.run("reproduce", "li-malik-logreg", "--engine", "flink", "--out",
                out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no engine called 'flink'; the engines here are [local, spark]"),
                unknown.err());
        CliRunner.Result train = CliRunner.run("train", "li-malik-logreg-gps", "--master", "local[2]", "--out",
                out.toString());
        assertEquals(2, train.exitCode());
        assertTrue(train.err().contains("--master local[2] is for a cluster engine; add --engine spark"),
                train.err());
        assertFalse(Files.exists(out.resolve("li-malik-logreg-gps")), "nothing half-written");
    }

    private static Path onlyRun(Path root) throws Exception {
        return onlyRun(root, "li-malik-logreg");
    }

    private static Path onlyRun(Path root, String name) throws Exception {
        try (Stream<Path> s = Files.list(root.resolve(name))) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
