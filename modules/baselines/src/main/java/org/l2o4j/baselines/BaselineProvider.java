package org.l2o4j.baselines;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;

/**
 * The {@link OptimizerProvider} of a baseline configured by a hyperparameter record: user keys are overlaid on the
 * record's defaults with {@link Configs#bind}, so an unknown key or a value the record rejects is a
 * {@link org.l2o4j.core.config.ConfigException} naming it.
 *
 * <p>{@link java.util.ServiceLoader} needs one class with a public no-argument constructor per registered name, so
 * each optimizer declares a small {@code Provider} subclass that passes its name, defaults, constructor and grid here.
 *
 * @param <H> the optimizer's hyperparameter record
 */
public abstract class BaselineProvider<H extends Record> implements OptimizerProvider {

    private final String name;
    private final String description;
    private final H defaults;
    private final Function<H, ? extends Optimizer> factory;
    private final Map<String, List<Object>> grid;

    /**
     * @param name        registered name, the one {@code factory}'s optimizers report
     * @param description one line for {@code l2o list}
     * @param defaults    the hyperparameters used where the user gives none
     * @param factory     the optimizer's constructor
     * @param grid        the default tuning grid (name → candidate values, in the order given); empty when there is
     *                    nothing to tune
     */
    protected BaselineProvider(String name, String description, H defaults, Function<H, ? extends Optimizer> factory,
            Map<String, List<Object>> grid) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.factory = Objects.requireNonNull(factory, "factory");
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        grid.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.grid = Collections.unmodifiableMap(copy);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The hyperparameters used where the user gives none. */
    public final H defaults() {
        return defaults;
    }

    @Override
    public final Optimizer create(Map<String, ?> hyperparameters) {
        return factory.apply(Configs.bind(hyperparameters, defaults, "optimizer '" + name + "'"));
    }

    @Override
    public final Map<String, List<Object>> defaultGrid() {
        return grid;
    }
}
