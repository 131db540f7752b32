package org.l2o4j.bptt;

import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import java.util.Set;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingListener;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentSpec;

class RecurrentOptimizerProviderTest {

    @TempDir
    Path dir;

    @Test
    void bothOptimizersAreRegistered() {
        assertTrue(Catalog.optimizers().containsKey("lstm-optimizer"));
        assertTrue(Catalog.optimizers().containsKey("gru-optimizer"));
        assertEquals(Map.of(), Catalog.optimizerProvider("lstm-optimizer").defaultGrid());
    }

    /** A checkpoint loaded through the catalog computes what the in-memory network computes, bit for bit. */
    @Test
    void checkpointFileRunsAsAnOptimizer() {
        RecurrentNet net = RecurrentSpec.paperLstm().create();
        double[] theta = net.initialParameters(3);
        Path file = dir.resolve("lstm.json");
        new RecurrentCheckpoint(net.spec(), theta, Map.of(), Map.of()).save(file);
        Optimizer loaded = Catalog.optimizer("lstm-optimizer", Map.of("checkpoint", file.toString()));
        assertEquals("lstm-optimizer", loaded.name());
        assertEquals(file.toString(), loaded.hyperparameters().get("checkpoint"));
        assertEquals(20, loaded.hyperparameters().get("hiddenUnits"));
        List<Problem> problems = TinyRuns.quadratics().problems("test", 0).subList(0, 5);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult a = Rollout.run(loaded, problems, starts, Rollout.Options.of(10), RolloutListener.NONE);
        RolloutResult b = Rollout.run(new RecurrentLearnedOptimizer(net.kernel(theta), Map.of()), problems, starts,
                Rollout.Options.of(10), RolloutListener.NONE);
        for (int i = 0; i < problems.size(); i++) {
            assertArrayEquals(b.objective()[i], a.objective()[i], 0.0);
            assertEquals(11, a.gradientEvaluations()[i][10], "one evaluation per step, charged by the batch");
        }
    }

    @Test
    void runFolderMeansItsBestNetwork() {
        TrainingHeader header = TrainingHeader.split(Map.of("kind", BpttTrainer.KIND, "family", "quadratic"), "test")
                .header();
        BpttTrainer trainer = new BpttTrainer(TinyRuns.lstm(Map.of("epochs", 2)), TinyRuns.quadratics());
        Path run;
        try (TrainingFolder folder = TrainingFolder.create(dir, header, trainer.settings(), Set.of(),
                Provenance.capture("test", 0, "test"))) {
            trainer.train(folder, TrainingListener.NONE);
            run = folder.path();
        }
        GradientMetaTrainer.Result r = trainer.train(TrainingListener.NONE);
        Optimizer fromFolder = Catalog.optimizer("lstm-optimizer", Map.of("checkpoint", run.toString()));
        List<Problem> problems = TinyRuns.quadratics().problems("test", 0).subList(0, 3);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult a = Rollout.run(fromFolder, problems, starts, Rollout.Options.of(5), RolloutListener.NONE);
        RolloutResult b = Rollout.run(RecurrentLearnedOptimizer.of(trainer.checkpoint(r.best()), Map.of()), problems, starts,
                Rollout.Options.of(5), RolloutListener.NONE);
        assertArrayEquals(b.objective()[2], a.objective()[2], 0.0);
    }

    @Test
    void badSettingsAreNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> Catalog.optimizer("gru-optimizer", Map.of()));
        assertTrue(e.getMessage().contains("needs 'checkpoint'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Catalog.optimizer("gru-optimizer", Map.of("chekpoint", "x")));
        assertTrue(e.getMessage().contains("unknown key 'chekpoint'"), e.getMessage());
        Path missing = dir.resolve("absent.json");
        e = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("gru-optimizer", Map.of("checkpoint", missing.toString())));
        assertTrue(e.getMessage().contains("not found: " + missing), e.getMessage());
        RecurrentNet lstm = RecurrentSpec.paperLstm().create();
        Path file = dir.resolve("lstm.json");
        new RecurrentCheckpoint(lstm.spec(), lstm.initialParameters(1), Map.of(), Map.of()).save(file);
        e = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("gru-optimizer", Map.of("checkpoint", file.toString())));
        assertTrue(e.getMessage().contains("holds a lstm network; use 'lstm-optimizer'"), e.getMessage());
    }
}
