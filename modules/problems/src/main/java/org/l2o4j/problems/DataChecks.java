package org.l2o4j.problems;

/**
 * Shape checks for the data a problem is built from (arrays of the right length, finite entries, binary labels). The
 * range checks of configuration values live in {@link org.l2o4j.core.config.Checks}.
 */
public final class DataChecks {

    private DataChecks() {
    }

    /** A copy of {@code values} after checking that it has {@code length} finite entries. */
    public static double[] vector(String name, double[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, expected " + length);
        }
        for (int i = 0; i < length; i++) {
            finiteEntry(name, values[i], "entry " + i);
        }
        return values.clone();
    }

    /** A copy of {@code labels} after checking that it has {@code length} entries, each 0 or 1. */
    public static int[] binaryLabels(String name, int[] labels, int length) {
        if (labels.length != length) {
            throw new IllegalArgumentException(name + " has " + labels.length + " entries, expected " + length);
        }
        for (int i = 0; i < length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(name + "[" + i + "] must be 0 or 1, got " + labels[i]);
            }
        }
        return labels.clone();
    }

    /** {@code v} itself if it is finite; {@code where} names its place in {@code name}, e.g. "entry 3". */
    static double finiteEntry(String name, double v, String where) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " " + where + " is not finite: " + v);
        }
        return v;
    }
}
