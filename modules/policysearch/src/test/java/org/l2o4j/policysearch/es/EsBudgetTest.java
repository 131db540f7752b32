package org.l2o4j.policysearch.es;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.EpochRecord;

/**
 * The shared loop's log counts every problem-step an ES training spends, in closed form: 5 functions of which 2 validate
 * and 3 train, T = 8, 3 pairs on 2 functions per meta-step, validation every 2 of 4 epochs. The input normalization's
 * gradient-descent pass costs 3 × 8 = 24, a validation 2 × 8 = 16, a meta-step 2 × 3 × 2 × 8 = 96.
 */
class EsBudgetTest {

    @TempDir
    Path temp;

    private List<Long> spent(Map<String, Object> raw, Path root) throws Exception {
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer trainer = new EsTrainerProvider.Es().create(split.header(), split.settings(), "test");
        Path run;
        try (TrainingFolder folder = TrainingFolder.create(root, split.header(), trainer.settings(), Set.of(),
                Provenance.capture("test", 9, "test"))) {
            trainer.train(folder, TrainingListener.NONE);
            run = folder.path();
        }
        List<String> rows = Files.readAllLines(run.resolve(TrainingFolder.LOG));
        return rows.subList(1, rows.size()).stream().map(EpochRecord::parse).map(EpochRecord::problemSteps).toList();
    }

    @Test
    void theLogCountsEstimatesValidationsAndSetUp() throws Exception {
        assertEquals(List.of(24L + 16, 40L + 96, 136L + 96 + 16, 248L + 96, 344L + 96 + 16),
                spent(EsContractTest.file("es-training", 0), temp.resolve("a")));
    }

    /**
     * With 10 epochs allowed and a ceiling of 400 problem-steps, epoch 3 is the last: another epoch and a final
     * validation (248 + 96 + 96 + 16 = 456) would pass 400, so epoch 3 is validated (+16) and the run ends at 360.
     */
    @Test
    void theCeilingStopsTheRunAtTheLastEpochThatKeepsItInside() throws Exception {
        Map<String, Object> raw = new java.util.LinkedHashMap<>(EsContractTest.file("es-training", 0));
        raw.put("epochs", 10);
        raw.put("problemSteps", 400);
        assertEquals(List.of(24L + 16, 40L + 96, 136L + 96 + 16, 248L + 96 + 16), spent(raw, temp.resolve("b")));
    }
}
