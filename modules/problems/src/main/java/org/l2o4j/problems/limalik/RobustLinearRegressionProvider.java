package org.l2o4j.problems.limalik;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link RobustLinearRegressionFamily} as {@code robust-linear-regression}. */
public final class RobustLinearRegressionProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return RobustLinearRegressionFamily.NAME;
    }

    @Override
    public String description() {
        return "Li & Malik 2017 §6: Geman-McClure robust linear regression on 4 Gaussian clusters (d = 4, non-convex)";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new RobustLinearRegressionFamily(Configs.bind(config, RobustLinearRegressionConfig.DEFAULTS,
                "family '" + RobustLinearRegressionFamily.NAME + "'"));
    }
}
