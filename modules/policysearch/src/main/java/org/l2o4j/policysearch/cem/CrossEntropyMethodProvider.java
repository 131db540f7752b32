package org.l2o4j.policysearch.cem;

import java.util.Map;
import java.util.Set;

import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;

/**
 * Registers the cross-entropy method ({@link CrossEntropyMethod}) as the training kind
 * {@value CrossEntropyMethod#KIND}; its keys are {@link CrossEntropySettings}'s. A resume may raise the budget
 * ({@code generations}) or change the checkpoint cadence.
 */
public final class CrossEntropyMethodProvider implements TrainerProvider {

    @Override
    public String kind() {
        return CrossEntropyMethod.KIND;
    }

    @Override
    public String description() {
        return "Li & Malik's softplus MLP policy by the cross-entropy method over its weights (black-box policy search)";
    }

    @Override
    public Set<String> resumableKeys() {
        return Set.of("generations", "checkpointEvery");
    }

    @Override
    public MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source) {
        return new CrossEntropyMethod(header, header.bind(settings, CrossEntropySettings.DEFAULTS, source));
    }
}
