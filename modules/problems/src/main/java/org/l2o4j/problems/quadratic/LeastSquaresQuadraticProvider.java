package org.l2o4j.problems.quadratic;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link LeastSquaresQuadraticFamily} as {@code quadratic}. */
public final class LeastSquaresQuadraticProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return LeastSquaresQuadraticFamily.NAME;
    }

    @Override
    public String description() {
        return "Andrychowicz et al. 2016: |W theta - y|^2 with random 10x10 W and y (Gaussian, or the code's uniform)";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new LeastSquaresQuadraticFamily(Configs.bind(config, LeastSquaresQuadraticConfig.DEFAULTS,
                "family '" + LeastSquaresQuadraticFamily.NAME + "'"));
    }
}
