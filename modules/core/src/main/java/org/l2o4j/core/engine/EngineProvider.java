package org.l2o4j.core.engine;

/**
 * A kind of {@link Engine}, found by {@link java.util.ServiceLoader} (one line in
 * {@code META-INF/services/org.l2o4j.core.engine.EngineProvider}) and chosen by name with {@code --engine}.
 */
public interface EngineProvider {

    /** The name {@code --engine} takes, e.g. {@code local} or {@code spark}. */
    String name();

    /** One line for {@code l2o list engines}. */
    String description();

    /**
     * Opens an engine.
     *
     * @param settings where and how wide it runs
     * @throws org.l2o4j.core.config.ConfigException if the settings do not suit this engine (a bad master URL)
     */
    Engine open(EngineSettings settings);
}
