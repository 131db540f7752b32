package org.l2o4j.bptt;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/**
 * BPTT meets the trainer contract: 4 epochs on the 10-d quadratics with a checkpoint after every epoch but validation
 * every second one, so a resume after an unvalidated epoch must restore the best network and its score exactly.
 */
class BpttTrainerContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new BpttTrainerProvider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", BpttTrainer.KIND);
        m.put("family", "quadratic");
        m.put("seed", 3);
        m.put("epochs", 4);
        m.put("problemsPerEpoch", 16);
        m.put("stepsPerProblem", 20);
        m.put("unrollLength", 5);
        m.put("validateEveryEpochs", 2);
        m.put("validationProblems", 4);
        m.put("validationSteps", 20);
        m.put("checkpointEveryEpochs", 1);
        m.put("metaLearningRate", 0.01);
        return m;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("metaLearningRate", 0.02);
    }
}
