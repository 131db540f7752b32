package org.l2o4j.core.engine;

import java.util.Objects;

/**
 * How an engine is opened.
 *
 * @param master  where a cluster engine runs (Spark: {@code local[2]}, {@code spark://host:7077}, or empty for the
 *                master {@code spark-submit} set); ignored by the local engine
 * @param threads the local engine's worker threads (at least 1)
 * @param appName what a cluster's UI calls the run
 */
public record EngineSettings(String master, int threads, String appName) {

    public EngineSettings {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(appName, "appName");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
