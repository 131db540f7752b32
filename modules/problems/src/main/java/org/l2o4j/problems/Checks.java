package org.l2o4j.problems;

import java.util.List;

import org.l2o4j.core.config.ConfigException;

/**
 * Range checks for config records and problem constructors: each failure names the setting, the bad value and the
 * accepted range, so a user can fix the file without reading code.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code value} itself if it is at least 1. */
    public static int positive(String name, int value) {
        if (value < 1) {
            throw new ConfigException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    /** {@code value} itself if it is finite and &gt; 0. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} itself if it is finite and ≥ 0. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new ConfigException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} itself if it is finite. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ConfigException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** {@code value} itself if it is one of {@code choices}. */
    public static String oneOf(String name, String value, List<String> choices) {
        if (value == null || !choices.contains(value)) {
            throw new ConfigException(name + " must be one of " + choices + ", got '" + value + "'");
        }
        return value;
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
