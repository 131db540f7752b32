package org.l2o4j.policysearch.ppo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/** PPO meets the trainer contract: 4 iterations of 4 episodes on a small policy, a checkpoint after each. */
class PpoTrainerContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new PpoTrainer.Provider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", PpoTrainer.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 6);
        m.put("conditions", 4);
        m.put("hiddenUnits", 4);
        m.put("horizon", 6);
        m.put("iterations", 4);
        m.put("episodes", 4);
        m.put("minibatch", 8);
        m.put("valueHiddenUnits", 4);
        m.put("checkpointEvery", 1);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("clipRatio", 0.3);
    }
}
