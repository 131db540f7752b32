package org.l2o4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.EngineMeter;
import org.l2o4j.core.engine.EngineSettings;
import org.l2o4j.core.engine.Engines;
import org.l2o4j.core.engine.LocalEngineProvider;
import org.l2o4j.core.run.AtomicFiles;
import picocli.CommandLine.Option;

/** Options shared by the commands that produce a run folder. */
final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "root of the run folders (default: ${DEFAULT-VALUE})",
            defaultValue = "runs")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for tuning (results do not depend "
            + "on it; default: the experiment's)")
    Integer threads;

    @Option(names = "--no-progress", description = "do not draw progress bars")
    boolean noProgress;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = LocalEngineProvider.NAME, description = "where the "
            + "tuning and evaluation units run: local (this JVM, default) or spark (results are the same bytes; "
            + "docs/spark.md)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "", description = "the spark engine's master: "
            + "local[N], local[*] (default), spark://host:7077, or none under spark-submit")
    String master;

    @Option(names = "--engine-stats", paramLabel = "FILE", description = "write what ran on the engine to FILE "
            + "(CSV: per stage the rounds, units, seconds and the serialized bytes of units and results, what a cluster "
            + "ships; measuring the bytes serializes each unit and result once more)")
    Path engineStats;

    private EngineMeter meter;

    /** {@code engine}, counted when {@code --engine-stats} asks for it. */
    Engine metered(Engine engine) {
        if (engineStats == null) {
            return engine;
        }
        if (meter == null) {
            meter = new EngineMeter(true);
        }
        return meter.wrap(engine);
    }

    /** Writes the {@code --engine-stats} file, if asked for, once the command's work is done. */
    void writeEngineStats() {
        if (engineStats != null && meter != null) {
            AtomicFiles.writeString(engineStats, meter.csv());
        }
    }

    /**
     * Whether {@code --engine} is the local one; refuses a {@code --master} without a cluster engine and an
     * {@code --engine-stats} that names a folder.
     */
    boolean localEngine() {
        if (engineStats != null && Files.isDirectory(engineStats)) {
            // Checked before any work: the file is written only when the command's work is done.
            throw new ConfigException("--engine-stats " + engineStats + " is a folder; give the name of the CSV file "
                    + "to write");
        }
        boolean local = engine.equals(LocalEngineProvider.NAME);
        if (local && !master.isEmpty()) {
            throw new ConfigException("--master " + master + " is for a cluster engine; add --engine spark");
        }
        return local;
    }

    /**
     * Opens the engine {@code --engine} and {@code --master} name.
     *
     * @param threads the local engine's threads (a cluster engine ignores them)
     * @param appName what a cluster's UI calls the run
     */
    Engine openEngine(int threads, String appName) {
        localEngine();
        return metered(Engines.open(engine, new EngineSettings(master, threads, appName)));
    }

    /** The {@code --set} overrides of an experiment file, with {@code --threads} added as one more. */
    List<String> overrides(List<String> sets) {
        List<String> all = new ArrayList<>(sets);
        if (threads != null) {
            all.add("threads=" + threads);
        }
        return all;
    }
}
