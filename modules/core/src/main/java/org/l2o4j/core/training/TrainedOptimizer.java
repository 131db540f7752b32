package org.l2o4j.core.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizer a training run produced, as the catalog creates it: a registered optimizer name and the settings
 * that load the trained parameters (typically a checkpoint path). {@code l2o evaluate --policy RUN_FOLDER} adds it to
 * a comparison, untuned.
 *
 * @param optimizer       the registered optimizer name, e.g. {@code predicted-step-descent}
 * @param label           its default name in results
 * @param hyperparameters what {@code Catalog.optimizer(optimizer, hyperparameters)} needs
 */
public record TrainedOptimizer(String optimizer, String label, Map<String, Object> hyperparameters) {

    public TrainedOptimizer {
        hyperparameters = new LinkedHashMap<>(hyperparameters);
    }
}
