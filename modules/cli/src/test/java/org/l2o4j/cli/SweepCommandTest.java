package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/** {@code l2o sweep}: points as units, their files, the table across points, the same bytes on Spark's local[2]. */
class SweepCommandTest {

    private static final String[] SMALL = {"--set", "tuneSteps=4", "--set", "evaluateSteps=10", "--set",
        "familyConfig={testProblems: 6, trainProblems: 4}", "--no-progress"};

    @Test
    void aSeedSweepWritesEveryPointAndAgreesWithItsPoints(@TempDir Path out) throws Exception {
        Path local = sweep(out.resolve("local"), "--vary", "restarts=1,2");
        List<String> rows = Files.readAllLines(local.resolve("sweep.csv"));
        assertEquals("point,overrides,optimizer,final_mean,final_median,mean_over_steps,diverged", rows.get(0));
        assertEquals(1 + 2 * 2 * 5, rows.size(), "2 seeds x 2 restart counts x 5 optimizers");
        assertEquals("0,seed=7 restarts=1,gps-policy", rows.get(1).substring(0, rows.get(1).indexOf(",", 22)));
        // The sweep's numbers are the points' own: point 3's summary.json holds the same final mean.
        Path point = local.resolve("points/003");
        Map<?, ?> summary = Configs.json().readValue(point.resolve("summary.json").toFile(), Map.class);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) summary.get("optimizers")).get(0);
        double finalMean = ((Number) ((Map<?, ?>) first.get("finalObjective")).get("estimate")).doubleValue();
        String row = rows.stream().filter(r -> r.startsWith("3,")).findFirst().orElseThrow();
        assertEquals(finalMean, Double.parseDouble(row.split(",")[3]), 0.0, row);
        assertTrue(Files.readString(point.resolve("config.yaml")).contains("seed: 8"));
        assertTrue(Files.size(local.resolve("figures/final-mean-by-point.png")) > 0);
        Map<?, ?> json = Configs.json().readValue(local.resolve("sweep.json").toFile(), Map.class);
        assertEquals(4, ((List<?>) json.get("points")).size());
    }

    @Test
    void pointsOnSparkAreTheSameBytes(@TempDir Path out) throws Exception {
        Path local = sweep(out.resolve("local"));
        Path spark = sweep(out.resolve("spark"), "--engine", "spark", "--master", "local[2]");
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(spark.resolve("sweep.csv")));
        for (String p : List.of("000", "001")) {
            for (String f : List.of("results.csv", "summary.json", "tuning.json")) {
                assertArrayEquals(Files.readAllBytes(local.resolve("points/" + p + "/" + f)),
                        Files.readAllBytes(spark.resolve("points/" + p + "/" + f)), p + "/" + f);
            }
        }
    }

    @Test
    void aSweepWithoutPointsOrWithABadVaryIsRefused(@TempDir Path out) {
        CliRunner.Result none = CliRunner.run("sweep", "li-malik-logreg", "--out", out.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("a sweep needs points"), none.err());
        CliRunner.Result bad = CliRunner.run("sweep", "li-malik-logreg", "--vary", "restarts", "--out",
                out.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--vary restarts: write KEY=V1,V2"), bad.err());
        CliRunner.Result unknown = CliRunner.run("sweep", "li-malik-logreg", "--seeds", "1", "--vary",
                "restartz=1,2", "--out", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("l2o: error: --vary restartz=1: unknown key 'restartz'"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertFalse(Files.exists(out.resolve("li-malik-logreg-sweep")));
    }

    private static Path sweep(Path out, String... extra) throws Exception {
        String[] args = Stream.of(new String[] {"sweep", "li-malik-logreg", "--seeds", "7,8", "--out", out.toString()},
                extra, SMALL).flatMap(Stream::of).toArray(String[]::new);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("final mean objective across points"), r.out());
        try (Stream<Path> s = Files.list(out.resolve("li-malik-logreg-sweep"))) {
            return s.findFirst().orElseThrow();
        }
    }
}
