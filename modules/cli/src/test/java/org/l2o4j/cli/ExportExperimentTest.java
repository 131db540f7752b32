package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;

/**
 * {@code export --experiment NAME --index 3} is that experiment's test function 3 (its family settings and seed; before
 * this, export defaulted to seed 0, so the README's "function 3" was no experiment's), and {@code --family} defaults to
 * the Li & Malik experiments' seed.
 */
class ExportExperimentTest {

    private static List<?> initialPoint(Path file) throws Exception {
        Map<?, ?> doc = Configs.json().readValue(Files.readString(file), Map.class);
        return (List<?>) ((Map<?, ?>) doc.get("problem")).get("initialPoint");
    }

    @Test
    void exportsTheExperimentsOwnFunction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.json");
        CliRunner.Result r = CliRunner.run("export", "--experiment", "renn-quadratic-baselines", "--index", "3",
                "--out", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        Problem expected = Catalog.family("renn-quadratic", Map.of()).problems("test", 2020).get(3);
        List<?> x0 = initialPoint(file);
        for (int j = 0; j < x0.size(); j++) {
            assertEquals(expected.initialPoint(0)[j], ((Number) x0.get(j)).doubleValue(), 0.0);
        }
        Map<?, ?> doc = Configs.json().readValue(Files.readString(file), Map.class);
        assertEquals("renn-quadratic-baselines", doc.get("experiment"));
        assertEquals(2020, ((Number) doc.get("seed")).intValue());

        Path family = dir.resolve("g.json");
        assertEquals(0, CliRunner.run("export", "--family", "logistic-regression", "--index", "3", "--out",
                family.toString()).exitCode());
        Problem liMalik = Catalog.family("logistic-regression", Map.of()).problems("test", 20160606L).get(3);
        assertEquals(liMalik.initialPoint(0)[0], ((Number) initialPoint(family).get(0)).doubleValue(), 0.0);

        CliRunner.Result both = CliRunner.run("export", "--experiment", "li-malik-logreg", "--family",
                "logistic-regression");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
    }
}
