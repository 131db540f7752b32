package org.l2o4j.gps;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.testkit.MetaTrainerContract;
import org.l2o4j.core.training.TrainerProvider;

/**
 * Guided policy search meets the trainer contract: 3 iterations of the tiny profile (GMM priors on) on 3
 * logistic-regression functions, so a kill after iteration 1 or 2 must restore the priors' state exactly.
 */
class GpsTrainerContractTest extends MetaTrainerContract {

    @Override
    protected TrainerProvider provider() {
        return new GpsTrainerProvider();
    }

    @Override
    protected Map<String, Object> trainingFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", GpsTrainer.KIND);
        m.put("family", "logistic-regression");
        m.put("seed", 20160606);
        m.put("profile", "tiny");
        m.put("conditions", 3);
        m.put("iterations", 3);
        return m;
    }

    /** Sampling, fits, linearizations and C-steps are units. */
    @Override
    protected boolean runsUnitsOnTheEngine() {
        return true;
    }

    @Override
    protected Map.Entry<String, Object> nonResumableChange() {
        return Map.entry("horizon", 7);
    }
}
