package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every comparison experiment under experiments/ runs end to end at a tiny budget (3 training and 3 test functions, a
 * few iterations) and writes finite results; every BPTT training experiment trains for one tiny epoch and its network
 * is evaluated in its comparison experiment at the same budget; and a run is reproducible from its seed.
 */
class ExperimentSmokeTest {

    @TempDir
    Path out;

    @BeforeAll
    static void experimentsOfTheCheckout() {
        CliRunner.useCheckoutExperiments();
    }

    /**
     * The experiments whose {@code kind} is {@code kind} (null: comparison experiments); GPS trainings are exercised by
     * {@link TrainAndEvaluateTest}.
     */
    private static List<String> experiments(String kind) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../../experiments"))) {
            return s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> Objects.equals(kind, Experiments.readRaw(p, List.of()).get("kind")))
                    .map(p -> p.getFileName().toString()).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentRunsAtATinyBudget() throws IOException {
        return experiments(null).stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path root = out.resolve(name);
            CliRunner.Result r = CliRunner.run(tiny(name, "reproduce", name, "--out", root.toString()));
            assertEquals(0, r.exitCode(), r.err());
            assertFiniteResults(onlyRun(root.resolve(name)), name);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBpttTrainingTrainsAndIsEvaluatedAtATinyBudget() throws IOException {
        return experiments("bptt-training").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path root = out.resolve(name);
            CliRunner.Result train = CliRunner.run("train", name, "--set", "epochs=1", "--set", "problemsPerEpoch=2",
                    "--set", "stepsPerProblem=4", "--set", "unrollLength=2", "--set", "validationProblems=1",
                    "--set", "validationSteps=4", "--set", "validateEveryEpochs=1", "--set", "checkpointEveryEpochs=1",
                    "--out", root.toString(), "--no-progress");
            assertEquals(0, train.exitCode(), train.err());
            Path run = onlyRun(root.resolve(name));
            for (String f : List.of("training.yaml", "provenance.json", "summary.json", "training-log.csv",
                    "checkpoints/latest.json", "checkpoints/epoch-000001/optimizer-best.json",
                    "checkpoints/epoch-000001/optimizer-last.json", "checkpoints/epoch-000001/trainer.json",
                    "checkpoints/epoch-000001/manifest.json")) {
                assertTrue(Files.isRegularFile(run.resolve(f)), name + ": " + f);
            }
            for (String row : Files.readAllLines(run.resolve("training-log.csv")).subList(1, 3)) {
                double validation = Double.parseDouble(row.split(",")[7]);
                assertTrue(Double.isFinite(validation), name + ": training-log row " + row);
            }
            String evaluation = (String) Experiments.readRaw(Experiments.locate(name), List.of()).get("evaluation");
            CliRunner.Result evaluate = CliRunner.run(tiny(evaluation, "evaluate", "--policy", run.toString(),
                    "--out", root.toString()));
            assertEquals(0, evaluate.exitCode(), evaluate.err());
            assertFiniteResults(onlyRun(root.resolve(evaluation + "-with-policy")), name);
        }));
    }

    /** Tiny budgets of the policy-search trainers, by kind. */
    private static final Map<String, List<String>> TINY_POLICY_SEARCH = Map.of(
            "cem-training", List.of("generations=2", "population=4", "conditions=3", "functionsPerGeneration=2",
                    "horizon=5"),
            "cmaes-training", List.of("problemSteps=300", "conditions=4", "validationFunctions=1",
                    "subspaceDimension=4", "population=4", "functionsPerGeneration=2", "horizon=4",
                    "validateEveryGenerations=1", "checkpoints=2"),
            "es-training", List.of("epochs=2", "pairs=2", "conditions=4", "validationFunctions=1",
                    "functionsPerStep=2", "horizon=4", "validateEveryEpochs=1", "checkpointEveryEpochs=1"),
            "pes-training", List.of("epochs=2", "pairs=2", "conditions=4", "validationFunctions=1",
                    "functionsPerStep=2", "horizon=4", "truncation=2", "validateEveryEpochs=1",
                    "checkpointEveryEpochs=1"),
            "ppo-training", List.of("iterations=2", "episodes=2", "conditions=3", "horizon=4", "minibatch=4",
                    "valueHiddenUnits=4", "checkpointEvery=1"),
            "mlp-bptt-training", List.of("epochs=2", "conditions=4", "validationFunctions=1", "functionsPerEpoch=2",
                    "horizon=4", "unrollLength=2", "validateEveryEpochs=1", "checkpointEveryEpochs=1"),
            "rl4j-dqn-training", List.of("rounds=1", "stepsPerRound=20", "conditions=3", "horizon=4",
                    "hiddenNodes=4", "batchSize=4", "targetUpdate=10"));

    @TestFactory
    Stream<DynamicTest> everyPolicySearchTrainingTrainsAndIsEvaluatedAtATinyBudget() throws IOException {
        List<String> names = new ArrayList<>();
        for (String kind : TINY_POLICY_SEARCH.keySet()) {
            names.addAll(experiments(kind));
        }
        return names.stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path root = out.resolve(name);
            String kind = (String) Experiments.readRaw(Experiments.locate(name), List.of()).get("kind");
            List<String> args = new ArrayList<>(List.of("train", name, "--out", root.toString(), "--no-progress"));
            for (String set : TINY_POLICY_SEARCH.get(kind)) {
                args.addAll(List.of("--set", set));
            }
            CliRunner.Result train = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, train.exitCode(), train.err());
            Path run = onlyRun(root.resolve(name));
            for (String f : List.of("training.yaml", "provenance.json", "summary.json", "training-log.csv",
                    "checkpoints/latest.json")) {
                assertTrue(Files.isRegularFile(run.resolve(f)), name + ": " + f);
            }
            String evaluation = (String) Experiments.readRaw(Experiments.locate(name), List.of()).get("evaluation");
            CliRunner.Result evaluate = CliRunner.run(tiny(evaluation, "evaluate", "--policy", run.toString(),
                    "--out", root.toString()));
            assertEquals(0, evaluate.exitCode(), evaluate.err());
            assertFiniteResults(onlyRun(root.resolve(evaluation + "-with-policy")), name);
        }));
    }

    /**
     * {@code args} with the tiny budget of comparison experiment {@code experiment}: 2 tuning and 3 test steps, and
     * its family settings with 3 training and 3 test functions.
     */
    private static String[] tiny(String experiment, String... args) throws IOException {
        Map<String, Object> family = new LinkedHashMap<>();
        Object declared = Experiments.readRaw(Experiments.locate(experiment), List.of()).get("familyConfig");
        if (declared instanceof Map<?, ?> m) {
            m.forEach((k, v) -> family.put((String) k, v));
        }
        family.put("trainProblems", 3);
        family.put("testProblems", 3);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--set", "tuneSteps=2", "--set", "evaluateSteps=3", "--set", "examples=1", "--set",
                "familyConfig=" + Configs.json().writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(family), "--no-progress"));
        return all.toArray(String[]::new);
    }

    /** Every competitor's mean objective is finite at every step, and the results and a figure were written. */
    private static void assertFiniteResults(Path run, String name) throws IOException {
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
