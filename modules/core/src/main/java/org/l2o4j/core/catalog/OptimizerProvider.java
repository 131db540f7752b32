package org.l2o4j.core.catalog;

import java.util.List;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;

/** Service-provider entry for an optimizer, registered in {@code META-INF/services}. */
public interface OptimizerProvider {

    /** Registered name, e.g. {@code "adam"}. */
    String name();

    /** One line for {@code l2o list}. */
    String description();

    /** The optimizer with the given hyperparameters over its defaults; unknown keys are a ConfigException. */
    Optimizer create(Map<String, ?> hyperparameters);

    /**
     * The grid searched on training functions when an experiment names no grid of its own: hyperparameter name →
     * candidate values. Empty when the optimizer has nothing to tune.
     */
    Map<String, List<Object>> defaultGrid();
}
