package org.l2o4j.gps.model;

/**
 * Validation and defensive copies for the per-time-step arrays the value types hold. Every message names the array,
 * the time step and both sizes, because a shape slip in a T × dX × (dX+dU) stack is otherwise found only as a wrong
 * number many stages later.
 */
final class PerStep {

    private PerStep() {
    }

    /** A deep copy of {@code a} (steps arrays of rows × columns finite entries), or an exception naming the problem. */
    static double[][] copy(String what, double[][] a, int steps, int rows, int columns) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (a.length != steps) {
            throw new IllegalArgumentException("dimension mismatch: " + what + " has " + a.length
                    + " time steps but should have " + steps);
        }
        double[][] copy = new double[steps][];
        for (int t = 0; t < steps; t++) {
            copy[t] = copy(what + " at t = " + t, a[t], rows, columns);
        }
        return copy;
    }

    /** A copy of {@code a} (rows × columns finite entries), or an exception naming the problem. */
    static double[] copy(String what, double[] a, int rows, int columns) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (a.length != rows * columns) {
            throw new IllegalArgumentException("dimension mismatch: " + what + " has " + a.length
                    + " entries but should be " + rows + " × " + columns + " = " + rows * columns);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + " has a non-finite entry " + a[i] + " at (" + i / columns
                        + ", " + i % columns + ")");
            }
        }
        return a.clone();
    }

    static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive but is " + value);
        }
        return value;
    }

    static void requireTimeStep(int t, int horizon) {
        if (t < 0 || t >= horizon) {
            throw new IndexOutOfBoundsException("time step " + t + " is outside 0 .. " + (horizon - 1));
        }
    }
}
