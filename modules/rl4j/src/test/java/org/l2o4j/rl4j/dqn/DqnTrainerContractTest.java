package org.l2o4j.rl4j.dqn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/** RL4J's DQN as a trainer meets the contract: 3 rounds of 60 DQN steps, a checkpoint after each. */
class DqnTrainerContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new DqnTrainer.Provider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", DqnTrainer.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 12);
        m.put("conditions", 3);
        m.put("horizon", 5);
        m.put("rounds", 3);
        m.put("stepsPerRound", 60);
        m.put("hiddenNodes", 8);
        m.put("layers", 1);
        m.put("batchSize", 8);
        m.put("targetUpdate", 20);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("gamma", 0.9);
    }
}
