package org.l2o4j.core.training;

import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;

/** The contract kit on the random-walk trainer: checks the kit and the folder with the simplest trainer. */
class RandomWalkTrainerContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new RandomWalkTrainer.Provider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        return Map.of("kind", RandomWalkTrainer.KIND, "family", "none", "seed", 7, "steps", 6, "checkpointEvery", 2);
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("failAt", 100);
    }
}
