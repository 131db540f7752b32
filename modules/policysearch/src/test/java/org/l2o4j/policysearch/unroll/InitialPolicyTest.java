package org.l2o4j.policysearch.unroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.l2o4j.core.training.gradient.EpochRecord;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.PolicyCheckpoint;

/**
 * Backpropagation through unrolls started from a given policy: its θ₀ and normalization are the checkpoint's (the
 * first validation of the new run scores exactly what the old run's validation scored for that policy, and a run
 * of zero effective change would save the same weights), and a checkpoint of another network shape is refused.
 */
class InitialPolicyTest {

    @TempDir
    Path temp;

    private Path train(Map<String, Object> overrides, String name) {
        Map<String, Object> raw = new LinkedHashMap<>(new UnrollContractTest().trainingFile());
        raw.putAll(overrides);
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer t = new UnrollTrainerProvider().create(split.header(), split.settings(), "test");
        try (TrainingFolder folder = TrainingFolder.create(temp.resolve(name), split.header(), t.settings(),
                Set.of(), Provenance.capture("test", 10, "test"))) {
            t.train(folder, TrainingListener.NONE);
            return folder.path();
        }
    }

    private static List<EpochRecord> log(Path run) throws Exception {
        List<String> rows = Files.readAllLines(run.resolve(TrainingFolder.LOG));
        return rows.subList(1, rows.size()).stream().map(EpochRecord::parse).toList();
    }

    @Test
    void startsFromTheCheckpointsWeightsAndNormalization() throws Exception {
        Path first = train(Map.of(), "first");
        Path best = TrainingFolder.latestFile(first, GradientMetaTrainer.BEST_FILE);
        EpochRecord chosen = log(first).stream().filter(EpochRecord::best).reduce((a, b) -> b).orElseThrow();
        Path second = train(Map.of("initialPolicy", best.toString(), "epochs", 2), "second");
        EpochRecord start = log(second).get(0);
        assertEquals(chosen.validationScore(), start.validationScore(), 0.0,
                "the new run's θ₀ is scored as the old run scored it");
        assertEquals(0, start.problemSteps() - (log(first).get(0).problemSteps() - 24),
                "no normalization is fitted: set-up costs nothing, only the first validation (2 × 8)");
        PolicyCheckpoint loaded = PolicyCheckpoint.load(best);
        PolicyCheckpoint resumedFrom = PolicyCheckpoint.load(
                TrainingFolder.latestFile(second, GradientMetaTrainer.LAST_FILE));
        assertArrayEquals(loaded.policy().normalization().mean(), resumedFrom.policy().normalization().mean(), 0.0);
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefused() {
        Path first = train(Map.of(), "small");
        Path best = TrainingFolder.latestFile(first, GradientMetaTrainer.BEST_FILE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> train(Map.of("initialPolicy", best.toString(), "hiddenUnits", 5), "other"));
        assertTrue(e.getMessage().contains("this training needs"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> train(Map.of("initialPolicy", temp.resolve("nope.json").toString()), "missing"));
        assertTrue(missing.getMessage().contains("initialPolicy: cannot load"), missing.getMessage());
    }
}
