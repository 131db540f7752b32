package org.l2o4j.policysearch.cem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;

/** The cross-entropy method learns, counts its budget exactly, and its result is an ordinary optimizer. */
class CrossEntropyMethodTest {

    @TempDir
    Path temp;

    /**
     * 12 generations of 16 candidates on all 4 of its logistic-regression functions (horizon 20): the mean policy's
     * episode cost falls by more than a third; the problem-steps counted are exactly the episodes run (a
     * gradient-descent pass for the normalization, 4 × 20, then per generation 16 candidates and the mean, 17 × 4 ×
     * 20); and the saved result, loaded through the catalog as an ordinary optimizer, reproduces the logged cost of
     * the final mean policy bit for bit (a second computation of the same number).
     */
    @Test
    void lowersTheEpisodeCostCountsEveryProblemStepAndSavesWhatItScored() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", CrossEntropyMethod.KIND, "family",
                "logistic-regression", "seed", 11, "conditions", 4, "hiddenUnits", 16, "horizon", 20,
                "generations", 12, "population", 16, "functionsPerGeneration", 0));
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer trainer = new CrossEntropyMethodProvider().create(split.header(), split.settings(), "test");
        Path run;
        try (TrainingFolder folder = TrainingFolder.create(temp, split.header(), trainer.settings(), Set.of(),
                Provenance.capture("test", 11, "test"))) {
            trainer.train(folder, TrainingListener.NONE);
            run = folder.path();
        }
        List<String> log = Files.readAllLines(run.resolve(TrainingFolder.LOG));
        assertEquals(13, log.size());
        double first = Double.parseDouble(log.get(1).split(",")[4]);
        double last = Double.parseDouble(log.get(12).split(",")[4]);
        assertTrue(last < 0.67 * first, "mean policy cost " + first + " → " + last);
        assertEquals(4 * 20 + 12 * 17 * 4 * 20, Long.parseLong(log.get(12).split(",")[1]));

        TrainedOptimizer result = trainer.trainedOptimizer(run);
        List<Problem> training = Catalog.family("logistic-regression", Map.of()).problems("train", 11).subList(0, 4);
        RolloutResult r = Rollout.run(Catalog.optimizer(result.optimizer(), result.hyperparameters()), training,
                training.stream().map(p -> p.initialPoint(0)).toList(), Rollout.Options.of(20), RolloutListener.NONE);
        double sum = 0;
        for (double[] curve : r.objective()) {
            for (int t = 1; t <= 20; t++) {
                sum += curve[t];
            }
        }
        assertEquals(last, sum / 4, 0.0);
    }
}
