package org.l2o4j.core.engine;

import java.io.Serializable;
import java.util.List;
import java.util.function.IntConsumer;

import org.l2o4j.core.parallel.ParallelMap;

/** Units on this JVM's threads, the default engine: nothing is serialized, results in the units' order. */
public final class LocalEngine implements Engine {

    private final int threads;

    /**
     * @param threads worker threads, at least 1 (1: the caller's thread)
     */
    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the local engine needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String description() {
        return "local, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> units, IntConsumer finished) {
        Object lock = new Object();
        int[] done = {0};
        return ParallelMap.map(units.size(), threads, k -> {
            Unit<T> unit = units.get(k);
            T result;
            try {
                result = unit.run();
            } catch (RuntimeException e) {
                throw wrapped(unit, e);
            }
            synchronized (lock) {
                done[0]++;
                finished.accept(done[0]);
            }
            return result;
        });
    }

    /** Bad input stays what it was (the CLI's one-line errors); anything else gets the unit's name. */
    private static RuntimeException wrapped(Unit<?> unit, RuntimeException e) {
        if (e instanceof UnitFailedException || e instanceof org.l2o4j.core.config.ConfigException
                || e instanceof IllegalArgumentException) {
            return e;
        }
        return new UnitFailedException(unit.name(), e);
    }

    @Override
    public void close() {
        // Threads live only for the duration of run().
    }
}
