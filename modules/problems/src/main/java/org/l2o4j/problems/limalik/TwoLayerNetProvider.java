package org.l2o4j.problems.limalik;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link TwoLayerNetFamily} as {@code two-layer-net}. */
public final class TwoLayerNetProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return TwoLayerNetFamily.NAME;
    }

    @Override
    public String description() {
        return "Li & Malik 2017 §6: 2-2-2 ReLU/softmax classifier on 4 randomly labelled Gaussian clusters (d = 12)";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new TwoLayerNetFamily(Configs.bind(config, TwoLayerNetConfig.DEFAULTS,
                "family '" + TwoLayerNetFamily.NAME + "'"));
    }
}
