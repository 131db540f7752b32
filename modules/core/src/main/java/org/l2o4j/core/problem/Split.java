package org.l2o4j.core.problem;

/**
 * A named subset of a family's functions, e.g. Li &amp; Malik's 90 training and 100 test functions. Problems of
 * different splits come from different seed streams, so no test function can equal a training one by construction.
 *
 * @param name  split name, e.g. {@code "train"}
 * @param size  number of functions in it
 */
public record Split(String name, int size) {
    public Split {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("split name must not be blank");
        }
        if (size < 0) {
            throw new IllegalArgumentException("split '" + name + "' has negative size " + size);
        }
    }
}
