package org.l2o4j.rl4j.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The DQN controller's greedy policy after training beats the greedy policy of its untrained network on the training
 * functions: 4 logistic-regression functions, T = 10; the untrained network is a run whose only round ends before
 * the first update (8 steps, updates start after a batch of 8), the trained one has 2 rounds of 200 steps.
 */
class DqnTrainerTest {

    @TempDir
    Path temp;

    private TrainedOptimizer train(int rounds, int steps, String name) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", DqnTrainer.KIND, "family", "logistic-regression",
                "seed", 4, "name", name, "conditions", 4, "horizon", 10, "rounds", rounds, "stepsPerRound", steps,
                "hiddenNodes", 16, "batchSize", 8));
        TrainingHeader.Split split = TrainingHeader.split(raw, "test");
        MetaTrainer trainer = new DqnTrainer.Provider().create(split.header(), split.settings(), "test");
        try (TrainingFolder folder = TrainingFolder.create(temp, split.header(), trainer.settings(), Set.of(),
                Provenance.capture("test", 4, "test"))) {
            trainer.train(folder, TrainingListener.NONE);
            return trainer.trainedOptimizer(folder.path());
        }
    }

    private static double episodeCost(TrainedOptimizer optimizer, List<Problem> functions) {
        RolloutResult r = Rollout.run(Catalog.optimizer(optimizer.optimizer(), optimizer.hyperparameters()), functions,
                functions.stream().map(p -> p.initialPoint(0)).toList(), Rollout.Options.of(10), RolloutListener.NONE);
        double sum = 0;
        for (double[] curve : r.objective()) {
            for (int t = 1; t <= 10; t++) {
                sum += Double.isFinite(curve[t]) ? curve[t] : 1e6;
            }
        }
        return sum;
    }

    @Test
    void trainingBeatsTheUntrainedGreedyPolicy() {
        List<Problem> functions = Catalog.family("logistic-regression", Map.of()).problems("train", 4).subList(0, 4);
        double untrained = episodeCost(train(1, 8, "untrained"), functions);
        double trained = episodeCost(train(2, 200, "trained"), functions);
        assertTrue(trained < untrained, "Σ f over 10 steps on the 4 training functions: untrained " + untrained
                + ", trained " + trained);
    }
}
