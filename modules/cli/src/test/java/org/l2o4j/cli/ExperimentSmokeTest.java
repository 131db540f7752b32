package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/**
 * Every comparison experiment under experiments/ runs end to end at a tiny budget (few training functions' worth of
 * iterations, a short test horizon) and writes finite results; and a run is reproducible from its seed.
 */
class ExperimentSmokeTest {

    @TempDir
    Path out;

    /** The comparison experiments; training runs are exercised by {@link TrainAndEvaluateTest}. */
    private static List<String> experiments() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../../experiments"))) {
            return s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !TrainingSpec.isTraining(Experiments.readRaw(p, List.of())))
                    .map(p -> p.getFileName().toString()).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentRunsAtATinyBudget() throws IOException {
        return experiments().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path root = out.resolve(name);
            CliRunner.Result r = CliRunner.run("reproduce", name, "--set", "tuneSteps=2", "--set", "evaluateSteps=3",
                    "--set", "examples=1", "--out", root.toString(), "--no-progress");
            assertEquals(0, r.exitCode(), r.err());
            Path run = onlyRun(root.resolve(name));
            Map<?, ?> summary = Configs.json().readValue(Files.readString(run.resolve("summary.json")), Map.class);
            for (Object o : (List<?>) summary.get("optimizers")) {
                Map<?, ?> s = (Map<?, ?>) o;
                Map<?, ?> mean = (Map<?, ?>) s.get("mean");
                for (Object v : (List<?>) mean.get("estimate")) {
                    assertTrue(v instanceof Number n && Double.isFinite(n.doubleValue()),
                            name + "/" + s.get("label") + ": mean objective " + v);
                }
            }
            assertTrue(Files.size(run.resolve("figures/objective-mean.png")) > 0);
            assertTrue(Files.readString(run.resolve("results.csv")).lines().count() > 1);
        }));
    }

    @Test
    void theSameSeedGivesIdenticalResultsFiles() throws Exception {
        List<String> args = List.of("compare", "--family", "logistic-regression", "--optimizers",
                "momentum,lbfgs,newton", "--steps", "20", "--tune-steps", "10", "--seed", "7", "--no-progress",
                "--threads", "2", "--out");
        Path a = out.resolve("a");
        Path b = out.resolve("b");
        assertEquals(0, CliRunner.run(concat(args, a.toString())).exitCode());
        assertEquals(0, CliRunner.run(concat(args, b.toString())).exitCode());
        Path runA = onlyRun(a.resolve("compare-logistic-regression"));
        Path runB = onlyRun(b.resolve("compare-logistic-regression"));
        for (String f : List.of("results.csv", "summary.json", "tuning.json", "config.yaml")) {
            assertEquals(Files.readString(runA.resolve(f)), Files.readString(runB.resolve(f)), f);
        }
    }

    private static String[] concat(List<String> args, String last) {
        String[] all = args.toArray(new String[args.size() + 1]);
        all[args.size()] = last;
        return all;
    }

    private static Path onlyRun(Path experimentFolder) throws IOException {
        try (Stream<Path> s = Files.list(experimentFolder)) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size(), "runs: " + runs);
            return runs.get(0);
        }
    }
}
