package org.l2o4j.policysearch.cmaes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/**
 * CMA-ES meets the trainer contract (its resume replays Commons Math's CMA-ES on the recorded fitness): a policy of 4
 * units in a 6-dimensional subspace, 4 candidates on 2 of 3 training functions, T = 8, budget 500 problem-steps in 4
 * checkpoints.
 */
public class CmaEsContractTest extends MetaTrainerContract {

    /** The tiny training file, also for other tests that train CMA-ES. */
    public static Map<String, Object> file() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", CmaEsTrainer.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 11);
        m.put("conditions", 5);
        m.put("validationFunctions", 2);
        m.put("hiddenUnits", 4);
        m.put("horizon", 8);
        m.put("subspaceDimension", 6);
        m.put("population", 4);
        m.put("functionsPerGeneration", 2);
        m.put("problemSteps", 500);
        m.put("validateEveryGenerations", 2);
        m.put("checkpoints", 4);
        return m;
    }

    @Override
    protected TrainerProvider provider() {
        return new CmaEsTrainer.Provider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        return file();
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("initialSigma", 0.02);
    }

    /** Every generation's candidates run as units on the engine. */
    @Override
    protected boolean runsUnitsOnTheEngine() {
        return true;
    }
}
