package org.l2o4j.policysearch.es;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/** Full-episode ES and PES meet the trainer contract: 4 epochs of 3 pairs on a small policy, validated every 2. */
abstract class EsContractTest extends MetaTrainerContract {

    static Map<String, Object> file(String kind, int truncation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("family", "logistic-regression");
        m.put("seed", 9);
        m.put("conditions", 5);
        m.put("validationFunctions", 2);
        m.put("hiddenUnits", 4);
        m.put("horizon", 8);
        m.put("truncation", truncation);
        m.put("pairs", 3);
        m.put("functionsPerStep", 2);
        m.put("epochs", 4);
        m.put("validateEveryEpochs", 2);
        m.put("checkpointEveryEpochs", 1);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("sigma", 0.02);
    }

    /** Every truncation's pairs run as units on the engine. */
    @Override
    protected boolean runsUnitsOnTheEngine() {
        return true;
    }

    /** {@code es-training}. */
    static class Es extends EsContractTest {
        @Override
        protected TrainerProvider provider() {
            return new EsTrainerProvider.Es();
        }

        @Override
        protected Map<String, Object> trainingFile() {
            return file("es-training", 0);
        }
    }

    /** {@code pes-training} with truncations of 4 steps. */
    static class Pes extends EsContractTest {
        @Override
        protected TrainerProvider provider() {
            return new EsTrainerProvider.Pes();
        }

        @Override
        protected Map<String, Object> trainingFile() {
            return file("pes-training", 4);
        }
    }
}
