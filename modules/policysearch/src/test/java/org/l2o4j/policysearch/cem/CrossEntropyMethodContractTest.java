package org.l2o4j.policysearch.cem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/** The cross-entropy method meets the trainer contract: 4 generations on 3 logistic-regression functions. */
class CrossEntropyMethodContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new CrossEntropyMethodProvider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", CrossEntropyMethod.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 5);
        m.put("conditions", 3);
        m.put("hiddenUnits", 8);
        m.put("horizon", 10);
        m.put("generations", 4);
        m.put("population", 6);
        m.put("functionsPerGeneration", 2);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("population", 8);
    }

    /** Every generation's candidates run as units on the engine. */
    @Override
    protected boolean runsUnitsOnTheEngine() {
        return true;
    }
}
