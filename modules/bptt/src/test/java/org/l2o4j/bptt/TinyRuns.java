package org.l2o4j.bptt;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Configs;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticConfig;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticFamily;

/** Seconds-long training budgets on Andrychowicz et al.'s 10-d quadratics, for tests. */
final class TinyRuns {

    private TinyRuns() {
    }

    /** The paper's 10-d quadratic family with its default splits. */
    static LeastSquaresQuadraticFamily quadratics() {
        return new LeastSquaresQuadraticFamily(LeastSquaresQuadraticConfig.DEFAULTS);
    }

    /**
     * The paper's LSTM (2 × 20, log-and-sign) on 16 problems (160 coordinates, so two coordinate blocks) for 4 epochs of
     * 20 steps in unrolls of 5, validated on 4 problems every 2 epochs; {@code overrides} on top.
     */
    static BpttConfig lstm(Map<String, ?> overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", 4);
        m.put("problemsPerEpoch", 16);
        m.put("stepsPerProblem", 20);
        m.put("unrollLength", 5);
        m.put("validateEveryEpochs", 2);
        m.put("validationProblems", 4);
        m.put("validationSteps", 20);
        m.put("checkpointEveryEpochs", 2);
        m.put("metaLearningRate", 0.01);
        m.putAll(overrides);
        return Configs.bind(m, BpttConfig.lstm(), "test run");
    }
}
