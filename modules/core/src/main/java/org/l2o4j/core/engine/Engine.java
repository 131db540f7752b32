package org.l2o4j.core.engine;

import java.io.Serializable;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Where independent {@link Unit}s run: this JVM's threads ({@link LocalEngine}, the default) or a cluster (the spark
 * module's engine). Results come back in the units' order whatever ran them, so a run's results are byte-identical on
 * every engine and executor count.
 */
public interface Engine extends AutoCloseable {

    /** One line for run logs and provenance, e.g. {@code "local, 2 threads"}. */
    String description();

    /**
     * Runs every unit and returns their results in the units' order.
     *
     * @param stage    what the units do together, for progress and messages (e.g. {@code "tune"})
     * @param units    the work
     * @param finished called with the number of units finished so far, increasing, one call at a time
     * @throws UnitFailedException naming the first unit (in order) that failed, with its cause
     */
    <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> units, IntConsumer finished);

    /** Releases what the engine holds (threads, a cluster connection); the local engine holds nothing. */
    @Override
    void close();
}
