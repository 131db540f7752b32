package org.l2o4j.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one task per index on an explicit number of threads and returns the results in index order: GPS's
 * per-condition work (gps.md §7: "run the per-condition work in parallel with per-condition seeds"), the candidates
 * and particles of the policy-search trainers. Each task must depend only on its index and draw from its own seeded
 * stream; then the result is the same for every thread count.
 */
public final class ParallelMap {

    private ParallelMap() {
    }

    /**
     * {@code task.apply(m)} for m = 0 … count−1, on {@code threads} threads (the caller's thread when 1).
     *
     * @throws IllegalArgumentException if threads &lt; 1 or count &lt; 0
     * @throws RuntimeException         the first failing task's exception (by index), unwrapped, with the task
     *                                  index added as context when it is not already a runtime exception
     */
    public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + threads);
        }
        if (count < 0) {
            throw new IllegalArgumentException("task count must be ≥ 0, got " + count);
        }
        List<T> results = new ArrayList<>(count);
        if (threads == 1 || count <= 1) {
            for (int m = 0; m < count; m++) {
                results.add(task.apply(m));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), runnable -> {
            Thread thread = new Thread(runnable, "l2o4j-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int m = 0; m < count; m++) {
                int index = m;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (int m = 0; m < count; m++) {
                results.add(await(futures.get(m), m));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future, int index) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for task " + index, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("task " + index + " failed", cause);
        }
    }
}
