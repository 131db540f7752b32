package org.l2o4j.core.engine;

import java.io.Serializable;

/**
 * One independent, seeded piece of work an {@link Engine} may run anywhere: a grid point of a tuning on the training
 * functions, an optimizer on the test functions, a seed of a sweep. A unit carries everything it needs as plain data
 * (experiment settings, seeds, indices) and rebuilds its problems and optimizers where it runs, so it can be
 * serialized to another JVM; its result depends on nothing but that data, which makes every engine's results equal.
 *
 * @param <T> what it computes, serializable so that it can travel back
 */
public interface Unit<T extends Serializable> extends Serializable {

    /** A short name for progress and error messages, e.g. {@code "tune momentum, setting 3 of 12"}. */
    String name();

    /** Does the work. */
    T run();
}
