package org.l2o4j.spark;

import java.util.List;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.EngineProvider;
import org.l2o4j.core.engine.EngineSettings;

/** {@code --engine spark}: Apache Spark, {@code --master local[*]} by default. */
public final class SparkEngineProvider implements EngineProvider {

    /** The engine's name. */
    public static final String NAME = "spark";

    /** The master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apache Spark: local[N], a standalone cluster (spark://host:7077), or YARN/Kubernetes via spark-submit";
    }

    @Override
    public Engine open(EngineSettings settings) {
        return SparkEngine.open(settings.master().isEmpty() && System.getProperty("spark.master") == null
                ? DEFAULT_MASTER : settings.master(), settings.appName(), List.of());
    }
}
