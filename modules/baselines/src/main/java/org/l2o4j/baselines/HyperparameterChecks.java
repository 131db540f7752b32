package org.l2o4j.baselines;

/**
 * Range checks for hyperparameter records, called from their compact constructors. Every message names the
 * hyperparameter and the value it got, so a bad grid entry or a typo in an experiment file is found at once.
 */
public final class HyperparameterChecks {

    private HyperparameterChecks() {
    }

    /** {@code value} must be finite and &gt; 0. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** {@code value} must lie in [0, 1): a decay rate or momentum. */
    public static double decay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** {@code value} must lie in the open interval (low, high). */
    public static double between(String name, double value, double low, double high) {
        if (!(value > low && value < high)) {
            throw new IllegalArgumentException(name + " must be in (" + low + ", " + high + "), got " + value);
        }
        return value;
    }

    /** {@code value} must be at least {@code minimum}. */
    public static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }
}
