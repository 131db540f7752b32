package org.l2o4j.policysearch.unroll;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/** Backpropagation through unrolls of the MLP policy meets the trainer contract: 4 epochs, validated every 2. */
class UnrollContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new UnrollTrainerProvider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", UnrollTrainerProvider.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 10);
        m.put("conditions", 5);
        m.put("validationFunctions", 2);
        m.put("hiddenUnits", 4);
        m.put("horizon", 8);
        m.put("unrollLength", 4);
        m.put("functionsPerEpoch", 2);
        m.put("epochs", 4);
        m.put("validateEveryEpochs", 2);
        m.put("checkpointEveryEpochs", 1);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("unrollLength", 2);
    }
}
