package org.l2o4j.bptt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The coordinates of a batch cut into a fixed number of contiguous blocks, run on a fixed pool of threads. The cut
 * depends only on the number of coordinates, never on the number of threads, and every block writes only its own
 * outputs (its coordinates, its own partial gradient), which the caller sums in block order: results are identical for
 * any thread count.
 */
final class CoordinateBlocks implements AutoCloseable {

    /** At most this many blocks, so per-block partial gradients stay small however many coordinates there are. */
    static final int MAX_BLOCKS = 64;
    /** Blocks are at least this many coordinates, so that small batches are not cut into slivers. */
    static final int MIN_BLOCK = 64;

    private final int coordinates;
    private final int blocks;
    private final ExecutorService pool;

    /**
     * @param coordinates coordinates to cut
     * @param threads     worker threads; 1 runs every block on the caller's thread
     */
    CoordinateBlocks(int coordinates, int threads) {
        if (coordinates < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one coordinate and one thread, got " + coordinates
                    + " and " + threads);
        }
        this.coordinates = coordinates;
        this.blocks = Math.max(1, Math.min(MAX_BLOCKS, coordinates / MIN_BLOCK));
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "l2o-bptt-worker");
            t.setDaemon(true);
            return t;
        });
    }

    int count() {
        return blocks;
    }

    /** First coordinate of block b. */
    int from(int b) {
        return (int) ((long) coordinates * b / blocks);
    }

    /** One past the last coordinate of block b. */
    int to(int b) {
        return (int) ((long) coordinates * (b + 1) / blocks);
    }

    /** Runs {@code body} for every block and waits for all of them; an exception of a block is rethrown. */
    void forEach(IntConsumer body) {
        if (pool == null || blocks == 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int block = b;
            futures.add(pool.submit(() -> body.accept(block)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the coordinate blocks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a coordinate block failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
