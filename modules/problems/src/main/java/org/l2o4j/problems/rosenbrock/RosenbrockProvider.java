package org.l2o4j.problems.rosenbrock;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link RosenbrockFamily} as {@code rosenbrock}. */
public final class RosenbrockProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return RosenbrockFamily.NAME;
    }

    @Override
    public String description() {
        return "Rosenbrock function (a = 1, b = 100, n = 2 by default), random initial points in [-2,2]x[-1,3]";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new RosenbrockFamily(Configs.bind(config, RosenbrockConfig.DEFAULTS,
                "family '" + RosenbrockFamily.NAME + "'"));
    }
}
