package org.l2o4j.core.engine;

/** {@code --engine local}: this JVM's threads. */
public final class LocalEngineProvider implements EngineProvider {

    /** The name of the default engine. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "this JVM's threads (the default)";
    }

    @Override
    public Engine open(EngineSettings settings) {
        return new LocalEngine(settings.threads());
    }
}
