package org.l2o4j.spark;

import java.util.ArrayList;
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
        String master = settings.master().isEmpty() && System.getProperty("spark.master") == null ? DEFAULT_MASTER
                : settings.master();
        List<String[]> conf = new ArrayList<>();
        if (master.startsWith("spark://") && System.getProperty("spark.executor.extraClassPath") == null) {
            // A standalone master reached without spark-submit (a loopback cluster, or workers that share this file
            // system): its executors load L2O4J from this JVM's own class path.
            conf.add(new String[] {"spark.executor.extraClassPath", System.getProperty("java.class.path")});
        }
        if (!master.startsWith("local") && System.getProperty("spark.executor.extraJavaOptions") == null) {
            // Executors in JVMs of their own run the learned optimizers' Vector API kernels, as ./l2o does.
            conf.add(new String[] {"spark.executor.extraJavaOptions",
                "--add-modules jdk.incubator.vector -Djava.awt.headless=true"});
        }
        if (System.getProperty("spark.driver.maxResultSize") == null) {
            // The driver gathers every unit's result anyway (an engine returns them all, in order), and one GPS round
            // of Li & Malik's 90 conditions brings back more than Spark's default guard of 1 GiB (docs/scaling.md);
            // the guard would only end such a run half-way, so it is lifted unless set.
            conf.add(new String[] {"spark.driver.maxResultSize", "0"});
        }
        return SparkEngine.open(master, settings.appName(), conf);
    }
}
