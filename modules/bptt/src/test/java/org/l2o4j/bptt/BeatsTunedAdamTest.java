package org.l2o4j.bptt;

import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.core.training.TrainingListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.Grids;
import org.l2o4j.baselines.optimizers.Adam;
import org.l2o4j.baselines.tuning.Criterion;
import org.l2o4j.baselines.tuning.GridSearch;
import org.l2o4j.baselines.tuning.TuningResult;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticFamily;

/**
 * Andrychowicz et al.'s quadratic experiment (papers.md §2.2) at a budget of seconds: an LSTM optimizer meta-trained on
 * the family's training functions beats Adam, its learning rate tuned on the same training functions over the log grid
 * 1e-4 … 10 by final loss (as the paper tuned its baselines), on 100 held-out test functions, by the mean loss at step
 * 100. The LSTM is smaller than the paper's (1 × 10 units), reads the raw gradient (the paper's choice on
 * quadratics) and trains for 40 epochs of 16 problems (200 meta-updates), the best of 8 validations kept.
 */
class BeatsTunedAdamTest {

    private static final int HORIZON = 100;

    @Test
    void metaTrainedLstmBeatsTunedAdamOnHeldOutQuadratics() {
        LeastSquaresQuadraticFamily family = TinyRuns.quadratics();
        BpttConfig config = Configs.bind(Map.of("layers", 1, "hiddenUnits", 10, "input", "raw", "epochs", 40,
                "problemsPerEpoch", 16, "validateEveryEpochs", 5, "metaLearningRate", 0.01), BpttConfig.lstm(),
                "test run");
        BpttTrainer trainer = new BpttTrainer(config, family);
        GradientMetaTrainer.Result trained = trainer.train(TrainingListener.NONE);

        List<Problem> training = family.problems("train", config.seed());
        TuningResult tuned = GridSearch.over(new Adam.Provider(), Map.of("learningRate", Grids.LEARNING_RATES))
                .criterion(Criterion.MEAN_FINAL_OBJECTIVE)
                .run(training, training.stream().map(p -> p.initialPoint(0)).toList(), HORIZON);

        List<Problem> test = family.problems("test", config.seed());
        List<double[]> starts = test.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult adam = Rollout.run(new Adam.Provider().create(tuned.chosen()), test, starts,
                Rollout.Options.of(HORIZON), RolloutListener.NONE);
        RolloutResult learned = Rollout.run(RecurrentLearnedOptimizer.of(trainer.checkpoint(trained.best()), Map.of()), test, starts,
                Rollout.Options.of(HORIZON), RolloutListener.NONE);
        assertEquals(0, adam.divergedCount());
        assertEquals(0, learned.divergedCount());
        double adamFinal = Criterion.MEAN_FINAL_OBJECTIVE.score(adam);
        double learnedFinal = Criterion.MEAN_FINAL_OBJECTIVE.score(learned);
        assertTrue(learnedFinal < 0.95 * adamFinal, "mean f at step 100 on the test functions: learned "
                + learnedFinal + ", Adam (lr " + tuned.chosen().get("learningRate") + ") " + adamFinal);
    }
}
