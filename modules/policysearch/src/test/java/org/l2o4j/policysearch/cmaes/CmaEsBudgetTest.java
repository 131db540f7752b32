package org.l2o4j.policysearch.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;

/**
 * CMA-ES spends its problem-step budget as counted, in closed form, and stops before exceeding it. With the contract
 * test's file: the normalization's gradient-descent pass costs 3 training functions × 8 steps = 24, a candidate 2 × 8
 * = 16 (generation 0 is the start point alone), a generation 4 × 16 = 64, a validation 2 × 8 = 16 (after generations
 * 0, 2, 4 and the last). Generation 6 ends the run: another generation and a final validation (488 + 64 + 16) would
 * pass 500.
 */
class CmaEsBudgetTest {

    @TempDir
    Path temp;

    private Path run;

    private Map<String, Object> train(Map<String, Object> raw, Path root) {
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer trainer = new CmaEsTrainer.Provider().create(split.header(), split.settings(), "test");
        try (TrainingFolder folder = TrainingFolder.create(root, split.header(), trainer.settings(), Set.of(),
                Provenance.capture("test", 11, "test"))) {
            Map<String, Object> summary = trainer.train(folder, TrainingListener.NONE);
            run = folder.path();
            return summary;
        }
    }

    @Test
    void theLogCountsEveryProblemStepAndTheRunStopsInsideTheBudget() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>(CmaEsContractTest.file());
        raw.put("keepEvery", 1);
        Map<String, Object> summary = train(raw, temp.resolve("run"));
        List<String> rows = Files.readAllLines(run.resolve(TrainingFolder.LOG));
        List<Long> spent = rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.split(",")[1])).toList();
        assertEquals(List.of(24L + 16 + 16, 56L + 64, 120L + 64 + 16, 200L + 64, 264L + 64 + 16, 344L + 64,
                408L + 64 + 16), spent);
        assertEquals(488L, ((Number) summary.get("problemSteps")).longValue());
        assertEquals(6, ((Number) summary.get("generations")).intValue());
        assertEquals("budget", summary.get("stoppedBy"));
        List<String> validated = rows.subList(1, rows.size()).stream().map(r -> r.split(",", -1)[4]).toList();
        for (int g = 0; g < validated.size(); g++) {
            assertEquals(g % 2 == 0, !validated.get(g).isEmpty(), "validation after generation " + g);
        }
        try (var checkpoints = Files.list(run.resolve(TrainingFolder.CHECKPOINTS))) {
            List<String> names = checkpoints.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json"))
                    .sorted().toList();
            assertEquals(List.of("problem-step-000200", "problem-step-000264", "problem-step-000408",
                    "problem-step-000488"),
                    names, "one checkpoint past each quarter of the budget, and the last");
        }
    }

    @Test
    void aBudgetThatCannotPayForOneGenerationIsRefusedNamingTheKey() {
        Map<String, Object> raw = new LinkedHashMap<>(CmaEsContractTest.file());
        raw.put("problemSteps", 100);
        ConfigException e = assertThrows(ConfigException.class, () -> train(raw, temp.resolve("small")));
        assertTrue(e.getMessage().contains("problemSteps >= 136"), e.getMessage());
    }
}
