package org.l2o4j.baselines;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;

/**
 * What every baseline shares: a registered name and an immutable hyperparameter record, printed into provenance
 * through {@link Configs#toMap}. Subclasses add only {@link #start} and the state it creates, which holds everything
 * that changes while optimizing, so one instance can run any number of batches, also concurrently.
 *
 * @param <H> the hyperparameter record; it validates its values in its constructor
 */
public abstract class BaselineOptimizer<H extends Record> implements Optimizer {

    private final String name;
    private final H settings;
    private final Map<String, Object> hyperparameters;

    /**
     * @param name     registered name
     * @param settings the hyperparameters, already validated by the record's constructor
     */
    protected BaselineOptimizer(String name, H settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings of " + name);
        this.hyperparameters = Collections.unmodifiableMap(Configs.toMap(settings));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    /** The hyperparameters as their typed record. */
    public final H settings() {
        return settings;
    }

    @Override
    public String toString() {
        return name + hyperparameters;
    }
}
