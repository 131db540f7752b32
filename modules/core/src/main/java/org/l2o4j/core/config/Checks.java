package org.l2o4j.core.config;

import java.util.List;

/**
 * Range checks for configuration values, shared by every record of settings (family configurations, optimizer
 * hyperparameters, trainer settings). Each returns the value it checked, so a record's compact constructor can check
 * and assign in one line, and each failure is a {@link ConfigException} naming the setting and the bad value.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code value} itself if it is at least 1. */
    public static int positive(String name, int value) {
        return atLeast(name, value, 1);
    }

    /** {@code value} itself if it is at least {@code minimum}. */
    public static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new ConfigException(name + " must be at least " + minimum + ", got " + value);
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

    /** {@code value} itself if it lies in [0, 1): a decay rate or a momentum. */
    public static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new ConfigException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** {@code value} itself if it lies in the open interval (low, high). */
    public static double between(String name, double value, double low, double high) {
        if (!(value > low && value < high)) {
            throw new ConfigException(name + " must be in (" + low + ", " + high + "), got " + value);
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
}
