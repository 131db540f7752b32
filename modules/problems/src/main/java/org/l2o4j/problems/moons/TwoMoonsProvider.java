package org.l2o4j.problems.moons;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link TwoMoonsFamily} as {@code two-moons}. */
public final class TwoMoonsProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return TwoMoonsFamily.NAME;
    }

    @Override
    public String description() {
        return "Maheswaranathan et al. 2021: tanh MLP 64-64-64 on make_moons (n = 1024, noise 0.1), logistic loss"
                + " + 5e-3 |theta|";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new TwoMoonsFamily(Configs.bind(config, TwoMoonsConfig.DEFAULTS,
                "family '" + TwoMoonsFamily.NAME + "'"));
    }
}
