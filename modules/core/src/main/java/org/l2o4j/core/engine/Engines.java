package org.l2o4j.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.l2o4j.core.config.ConfigException;

/** The engines on the class path, by name. */
public final class Engines {

    private Engines() {
    }

    /** Every registered engine, the local one first. */
    public static List<EngineProvider> providers() {
        List<EngineProvider> out = new ArrayList<>();
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            out.add(p);
        }
        out.sort((a, b) -> a.name().equals(LocalEngineProvider.NAME) ? -1 : b.name().equals(LocalEngineProvider.NAME)
                ? 1 : a.name().compareTo(b.name()));
        return out;
    }

    /**
     * Opens the engine called {@code name}.
     *
     * @throws ConfigException naming the registered engines if none is called so
     */
    public static Engine open(String name, EngineSettings settings) {
        List<EngineProvider> providers = providers();
        for (EngineProvider p : providers) {
            if (p.name().equals(name)) {
                return p.open(settings);
            }
        }
        throw new ConfigException("no engine called '" + name + "'; the engines here are "
                + providers.stream().map(EngineProvider::name).toList() + " (the spark engine needs the l2o-spark "
                + "module on the class path, as ./l2o has it)");
    }
}
