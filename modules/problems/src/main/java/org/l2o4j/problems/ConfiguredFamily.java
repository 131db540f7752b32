package org.l2o4j.problems;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.problem.Split;

/**
 * A {@link ProblemFamily} whose settings are one validated config record: the name, the resolved settings (for
 * provenance) and the splits are fixed at construction, so a family is immutable and may be shared between threads.
 *
 * @param <C> the family's config record
 */
public abstract class ConfiguredFamily<C extends Record> implements ProblemFamily {

    private final String name;
    private final C settings;
    private final Map<String, Object> configMap;
    private final List<Split> splits;

    /**
     * @param name     registered name
     * @param settings validated settings
     * @param splits   the splits, sized from the settings
     */
    protected ConfiguredFamily(String name, C settings, List<Split> splits) {
        this.name = name;
        this.settings = settings;
        this.configMap = Collections.unmodifiableMap(Configs.toMap(settings));
        this.splits = List.copyOf(splits);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The typed settings this family was built from. */
    public final C settings() {
        return settings;
    }

    @Override
    public final Map<String, Object> config() {
        return configMap;
    }

    @Override
    public final List<Split> splits() {
        return splits;
    }
}
