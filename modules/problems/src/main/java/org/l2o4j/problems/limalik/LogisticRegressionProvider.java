package org.l2o4j.problems.limalik;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link LogisticRegressionFamily} as {@code logistic-regression}. */
public final class LogisticRegressionProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return LogisticRegressionFamily.NAME;
    }

    @Override
    public String description() {
        return "Li & Malik 2017 §6: L2-regularized logistic regression on two random Gaussian classes (d = 4)";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new LogisticRegressionFamily(Configs.bind(config, LogisticRegressionConfig.DEFAULTS,
                "family '" + LogisticRegressionFamily.NAME + "'"));
    }
}
