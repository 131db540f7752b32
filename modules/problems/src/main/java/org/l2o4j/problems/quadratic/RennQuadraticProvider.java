package org.l2o4j.problems.quadratic;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link RennQuadraticFamily} as {@code renn-quadratic}. */
public final class RennQuadraticProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return RennQuadraticFamily.NAME;
    }

    @Override
    public String description() {
        return "Maheswaranathan et al. 2021: 5-d rotated quadratic, eigenvalues log-uniform in [1e-3, 1], min f = 0";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new RennQuadraticFamily(Configs.bind(config, RennQuadraticConfig.DEFAULTS,
                "family '" + RennQuadraticFamily.NAME + "'"));
    }
}
