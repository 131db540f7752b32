package org.l2o4j.core.testkit.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes a piece of code allocates on the calling thread (HotSpot's per-thread counter), for tests that a damaged
 * length field is refused before the loader allocates what it claims.
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** The bytes {@code code} allocated on this thread, whatever it threw (the throwable is not rethrown). */
    public static long bytes(Runnable code) {
        long before = onThisThread();
        try {
            code.run();
        } catch (RuntimeException e) {
            // The caller checks the error separately; here only the allocation counts.
        }
        return onThisThread() - before;
    }

    /** The bytes this thread has allocated since it started; differences of two calls measure the code between. */
    static long onThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
