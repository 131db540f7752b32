package org.l2o4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.engine.UnitFailedException;

/**
 * Units on Apache Spark: one task per unit (one partition each, so a slow unit never holds others back), results
 * collected in partition order, which is the units' order. A failed task is retried by Spark ({@code
 * spark.task.maxFailures}, 4 by default; the local master {@code local[N]} is opened as {@code local[N,4]} so that it
 * retries too); a unit that fails on every attempt ends the run with a {@link UnitFailedException} naming it.
 */
public final class SparkEngine implements Engine {

    /** Attempts per task, Spark's cluster default, also given to a local master. */
    static final int ATTEMPTS = 4;

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|[0-9]+)\\]");
    private static final Pattern FAILED_UNIT = Pattern.compile("unit '([^']*)' failed: ([^\\n]*)");
    private static final long POLL_MILLIS = 200;

    private final JavaSparkContext context;
    private final String master;

    private SparkEngine(JavaSparkContext context, String master) {
        this.context = context;
        this.master = master;
    }

    /**
     * Connects to {@code master} ({@code local[N]}, {@code spark://host:port}, or empty for the master
     * {@code spark-submit} set).
     *
     * @param extraConf further Spark settings (key, value pairs), e.g. the executors' class path on a loopback cluster
     * @throws ConfigException if Spark refuses the master
     */
    public static SparkEngine open(String master, String appName, List<String[]> extraConf) {
        SparkConf conf = new SparkConf(true).setAppName(appName)
                // The engine reports progress itself; Spark's console bar would interleave with it.
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", Integer.toString(ATTEMPTS));
        String effective = master;
        if (!master.isEmpty()) {
            Matcher local = LOCAL.matcher(master);
            effective = local.matches() ? "local[" + local.group(1) + "," + ATTEMPTS + "]" : master;
            conf.setMaster(effective);
        } else if (!conf.contains("spark.master")) {
            throw new ConfigException("no Spark master: give --master (local[2], spark://host:7077) or run under "
                    + "spark-submit, which sets it");
        }
        for (String[] kv : extraConf) {
            conf.set(kv[0], kv[1]);
        }
        try {
            JavaSparkContext context = new JavaSparkContext(conf);
            // A failed task is reported once, by this engine, naming its unit; Spark would log every attempt.
            context.setLogLevel("FATAL");
            return new SparkEngine(context, conf.get("spark.master"));
        } catch (RuntimeException e) {
            throw new ConfigException("cannot start Spark on master '" + effective + "': " + firstLine(e), e);
        }
    }

    @Override
    public String description() {
        return "spark, master " + master + ", default parallelism " + context.defaultParallelism();
    }

    @Override
    public <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> units, IntConsumer finished) {
        if (units.isEmpty()) {
            return List.of();
        }
        List<Unit<T>> shipped = new ArrayList<>(units);
        context.setJobDescription(stage + " (" + units.size() + " units)");
        JavaFutureAction<List<T>> job = context.parallelize(shipped, shipped.size()).map(SparkEngine::runUnit)
                .collectAsync();
        int reported = 0;
        while (true) {
            try {
                List<T> results = job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (reported < units.size()) {
                    finished.accept(units.size());
                }
                return new ArrayList<>(results);
            } catch (TimeoutException e) {
                int done = completedTasks(job);
                if (done > reported && done < units.size()) {
                    reported = done;
                    finished.accept(done);
                }
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(stage + " was interrupted", e);
            } catch (ExecutionException e) {
                throw failure(stage, e.getCause() == null ? e : e.getCause());
            }
        }
    }

    /** Runs where Spark placed it; the unit's name travels with a failure. */
    private static <T extends Serializable> T runUnit(Unit<T> unit) {
        try {
            return unit.run();
        } catch (UnitFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnitFailedException(unit.name(), e);
        }
    }

    private int completedTasks(JavaFutureAction<?> job) {
        int done = 0;
        for (int id : job.jobIds()) {
            SparkJobInfo info = context.statusTracker().getJobInfo(id);
            if (info == null) {
                continue;
            }
            for (int stageId : info.stageIds()) {
                SparkStageInfo s = context.statusTracker().getStageInfo(stageId);
                if (s != null) {
                    done += s.numCompletedTasks();
                }
            }
        }
        return done;
    }

    /** The failed unit, found in the cause chain or in Spark's message (which carries the executor's exception). */
    private static RuntimeException failure(String stage, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnitFailedException u) {
                return new UnitFailedException(u.unit(), u.getCause() == null ? u : u.getCause());
            }
            if (t instanceof ConfigException c) {
                return c;
            }
        }
        String message = String.valueOf(error.getMessage());
        Matcher m = FAILED_UNIT.matcher(message);
        if (m.find()) {
            return new UnitFailedException(m.group(1), new IllegalStateException(m.group(2) + " (after " + ATTEMPTS
                    + " attempts)"));
        }
        return new UnitFailedException(stage, error);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        context.close();
    }
}
