package org.l2o4j.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;

class ExperimentSpecTest {

    @Test
    void readsAFileWithDefaultsForWhatItLeavesOut(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, """
                name: e
                family: logistic-regression
                optimizers:
                  - adam
                  - name: momentum
                    label: heavy-ball
                    hyperparameters: {beta: 0.95}
                    grid: {lr: [0.1, 1.0]}
                """);
        ExperimentSpec e = ExperimentSpec.read(f);
        assertEquals(100, e.evaluateSteps());
        assertEquals(40, e.tuneSteps());
        assertEquals(List.of("adam", "heavy-ball"), e.optimizers().stream().map(OptimizerSpec::label).toList());
        assertEquals(Map.of("beta", 0.95), e.optimizers().get(1).hyperparameters());
        assertEquals(List.of(0.1, 1.0), e.optimizers().get(1).grid().get("lr"));
    }

    @Test
    void errorsNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("typo.yaml");
        Files.writeString(f, "name: e\nfamily: logistic-regression\nevaluateStep: 5\noptimizers: [adam]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentSpec.read(f));
        assertTrue(e.getMessage().contains("typo.yaml") && e.getMessage().contains("'evaluateStep'"),
                e.getMessage());

        Files.writeString(f, "name: e\nfamily: logistic-regression\noptimizers: [{name: adam, lr: 1}]\n");
        e = assertThrows(ConfigException.class, () -> ExperimentSpec.read(f));
        assertTrue(e.getMessage().contains("optimizers[0]") && e.getMessage().contains("'lr'"), e.getMessage());

        Files.writeString(f, "name: e\nfamily: logistic-regression\noptimizers: []\n");
        e = assertThrows(ConfigException.class, () -> ExperimentSpec.read(f));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());

        Files.writeString(f, "name: e\nfamily: logistic-regression\noptimizers: [adam, adam]\n");
        e = assertThrows(ConfigException.class, () -> ExperimentSpec.read(f));
        assertTrue(e.getMessage().contains("'adam'") && e.getMessage().contains("label"), e.getMessage());

        Files.writeString(f, "name: e\nfamily: logistic-regression\nevaluateSteps: 0\noptimizers: [adam]\n");
        e = assertThrows(ConfigException.class, () -> ExperimentSpec.read(f));
        assertTrue(e.getMessage().contains("evaluateSteps must be >= 1, got 0"), e.getMessage());
    }
}
