package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;

class CommandsTest {

    @Test
    void listShowsEveryRegisteredFamilyOptimizerAndExperiment() {
        CliRunner.Result r = CliRunner.run("list");
        assertEquals(0, r.exitCode(), r.err());
        for (String name : Catalog.families().keySet()) {
            assertTrue(r.out().contains(name), name);
        }
        for (String name : Catalog.optimizers().keySet()) {
            assertTrue(r.out().contains(name), name);
        }
        assertTrue(r.out().contains("li-malik-logreg"), r.out());
    }

    @Test
    void exportWritesAProblemThatEvaluatesToTheSameValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f3.json");
        CliRunner.Result r = CliRunner.run("export", "--family", "logistic-regression", "--split", "test", "--index",
                "3", "--seed", "5", "--out", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> doc = Configs.json().readValue(Files.readString(file), Map.class);
        Map<?, ?> problem = (Map<?, ?>) doc.get("problem");
        assertEquals("logistic-regression", problem.get("formula"));
        Problem original = Catalog.family("logistic-regression", Map.of()).problems("test", 5).get(3);
        List<?> x0 = (List<?>) problem.get("initialPoint");
        for (int j = 0; j < x0.size(); j++) {
            assertEquals(original.initialPoint(0)[j], ((Number) x0.get(j)).doubleValue(), 0.0);
        }
        // Rebuild f from the exported data alone, the way another tool would, and compare at two points.
        List<?> features = (List<?>) problem.get("features");
        List<?> labels = (List<?>) problem.get("labels");
        double l2 = ((Number) problem.get("l2")).doubleValue();
        for (double[] w : new double[][] {original.initialPoint(0), {0.3, -1.2, 0.8, 0.1}}) {
            double loss = 0;
            for (int i = 0; i < features.size(); i++) {
                List<?> a = (List<?>) features.get(i);
                double z = w[3];
                for (int j = 0; j < 3; j++) {
                    z += w[j] * ((Number) a.get(j)).doubleValue();
                }
                loss += Math.log(1 + Math.exp(z)) - ((Number) labels.get(i)).doubleValue() * z;
            }
            double expected = loss / features.size() + l2 / 2 * (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            assertEquals(expected, original.value(w), 1e-12 * Math.abs(expected));
        }
    }

    @Test
    void compareWritesACompleteRunFolder(@TempDir Path out) throws Exception {
        CliRunner.Result r = CliRunner.run("compare", "--family", "rosenbrock", "--optimizers", "adam,lbfgs",
                "--steps", "15", "--tune-steps", "5", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("run folder:"), r.out());
        Path run;
        try (Stream<Path> s = Files.list(out.resolve("compare-rosenbrock"))) {
            run = s.findFirst().orElseThrow();
        }
        for (String f : List.of("config.yaml", "provenance.json", "tuning.json", "results.csv", "summary.json",
                "timing.json", "timing.csv", "figures/objective-mean.png", "figures/objective-mean.svg",
                "figures/margin-of-victory.png", "figures/example-0.png", "figures/objective-vs-wallclock.png",
                "figures/trajectories.png", "best-known.csv", "profiles.csv", "paired-differences.csv",
                "figures/suboptimality.png", "figures/paired-differences.png", "figures/margin-of-victory-median.png",
                "figures/performance-profile-1e-3.png", "figures/data-profile-1e-5.png")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        // The 2-D Rosenbrock's minimum 0 is known in closed form: every test function's f* is it.
        List<String> best = Files.readAllLines(run.resolve("best-known.csv"));
        assertEquals("problem,best_known,source,solver_gradient_norm,solver_iterations", best.get(0));
        assertTrue(best.stream().skip(1).allMatch(l -> l.matches("\\d+,0\\.0,CLOSED_FORM,NaN,0")), best.toString());
        String svg = Files.readString(run.resolve("figures/suboptimality.svg"));
        assertTrue(svg.contains("by closed form"), "the caption says how f* was found");
        String summary = Files.readString(run.resolve("summary.json"));
        assertTrue(summary.contains("\"bestKnown\"") && summary.contains("\"suboptimality\"")
                && summary.contains("\"marginMedian\""), summary.substring(0, 200));
    }
}
