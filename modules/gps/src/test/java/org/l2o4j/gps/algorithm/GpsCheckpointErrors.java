package org.l2o4j.gps.algorithm;

import java.util.function.Predicate;

import org.l2o4j.core.config.ConfigException;

/** The GPS checkpoint readers' own error, for their fuzz tests. */
final class GpsCheckpointErrors {

    private GpsCheckpointErrors() {
    }

    /**
     * An {@link IllegalArgumentException} itself (not a subclass such as NumberFormatException, which is a bug that
     * escaped) or a {@link ConfigException}, naming the file {@code fileName}.
     */
    static Predicate<Throwable> namingFile(String fileName) {
        return t -> (t.getClass() == IllegalArgumentException.class || t instanceof ConfigException)
                && t.getMessage() != null && t.getMessage().contains(fileName);
    }
}
