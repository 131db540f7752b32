package org.l2o4j.policy.recurrent;

import java.util.random.RandomGenerator;

import org.l2o4j.core.vector.VectorApi;

/**
 * The small dense kernels of the recurrent cells, on plain arrays. Every product is written as axpys over rows that
 * are separate arrays: Java 17's C2 vectorizes {@code y[j] += a * row[j]} but not reductions, and not as well with an
 * offset into a shared array (measured for {@code GaussianMlpPolicy}), so weights are kept as one array per row and,
 * for the backward pass, once more per column.
 */
final class Dense {

    /**
     * Whether the cells run whole blocks of coordinates on {@link VectorCells} (the same bits, faster): where the JVM
     * has the incubator Vector API ({@link VectorApi}) and the machine's vectors pay; fixed for the life of the JVM.
     */
    static final boolean VECTOR = VectorApi.AVAILABLE && VectorCells.worthwhile();

    /**
     * Coordinates per block of the tapes: {@link VectorCells#LANES} with the vector path, else 1. A tape array holds
     * its coordinates block by block, each block's numbers row by row with one lane per coordinate (number k of
     * coordinate n at {@link #tapeBase}(n, width) + k · BLOCK), so that the vector path writes and reads a block's
     * tape as whole rows; with BLOCK = 1 that is coordinate after coordinate.
     */
    static final int BLOCK = VECTOR ? VectorCells.LANES : 1;

    private Dense() {
    }

    /** Doubles of a tape array of {@code width} numbers for each of {@code coordinates}, whole blocks. */
    static int tapeLength(int coordinates, int width) {
        return Math.multiplyExact(Math.addExact(coordinates, BLOCK - 1) / BLOCK * BLOCK, width);
    }

    /** Where number 0 of coordinate n lies in a tape array of {@code width} numbers per coordinate. */
    static int tapeBase(int n, int width) {
        return n / BLOCK * width * BLOCK + n % BLOCK;
    }

    /** {@code values[offset .. offset + width)} as coordinate n's numbers in a tape array. */
    static void toTape(double[] values, int offset, int width, double[] tape, int n) {
        int base = tapeBase(n, width);
        for (int k = 0; k < width; k++) {
            tape[base + k * BLOCK] = values[offset + k];
        }
    }

    /** Coordinate n's numbers of a tape array into {@code out[offset .. offset + width)}. */
    static void fromTape(double[] tape, int n, int width, double[] out, int offset) {
        int base = tapeBase(n, width);
        for (int k = 0; k < width; k++) {
            out[offset + k] = tape[base + k * BLOCK];
        }
    }

    /** The first coordinate of {@code from ..} that starts a block. */
    static int blockStart(int from) {
        return (from + BLOCK - 1) / BLOCK * BLOCK;
    }

    /**
     * {@code out[0..width) += Σ_k coefficients[offset + k] · rows[k][0..width)} for k &lt; count, four rows per pass
     * so that {@code out} is loaded and stored a quarter as often. The sum is rounded left to right, the same for
     * every caller.
     */
    static void accumulate(double[] out, int width, double[][] rows, double[] coefficients, int offset, int count) {
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            double a0 = coefficients[offset + k];
            double a1 = coefficients[offset + k + 1];
            double a2 = coefficients[offset + k + 2];
            double a3 = coefficients[offset + k + 3];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int j = 0; j < width; j++) {
                out[j] = out[j] + a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
        for (; k < count; k++) {
            double a = coefficients[offset + k];
            double[] r = rows[k];
            for (int j = 0; j < width; j++) {
                out[j] += a * r[j];
            }
        }
    }

    /** The {@code rows × width} block at {@code offset} of the flat parameters, one array per row. */
    static double[][] rows(double[] parameters, int offset, int rows, int width) {
        double[][] out = new double[rows][width];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(parameters, offset + k * width, out[k], 0, width);
        }
        return out;
    }

    /** The transpose of the {@code rows × width} block at {@code offset}: one array per column. */
    static double[][] columns(double[] parameters, int offset, int rows, int width) {
        double[][] out = new double[width][rows];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < width; j++) {
                out[j][k] = parameters[offset + k * width + j];
            }
        }
        return out;
    }

    /** Adds row arrays into the flat block at {@code offset} (the inverse of {@link #rows}). */
    static void addRows(double[][] rows, int width, double[] flat, int offset) {
        for (int k = 0; k < rows.length; k++) {
            double[] r = rows[k];
            int base = offset + k * width;
            for (int j = 0; j < width; j++) {
                flat[base + j] += r[j];
            }
        }
    }

    /** Adds {@code values} into {@code flat[offset ..]}. */
    static void add(double[] values, double[] flat, int offset) {
        for (int j = 0; j < values.length; j++) {
            flat[offset + j] += values[j];
        }
    }

    static void zero(double[][] rows) {
        for (double[] r : rows) {
            java.util.Arrays.fill(r, 0.0);
        }
    }

    /** Fills {@code theta[from..to)} with N(0, std²) draws, in index order. */
    static void gaussian(double[] theta, int from, int to, double std, RandomGenerator rng) {
        for (int k = from; k < to; k++) {
            theta[k] = std * rng.nextGaussian();
        }
    }

    /**
     * Pre-activations are clamped to ±{@value #LOGIT_LIMIT} before the exponential: σ(±40) differs from 0 or 1 by
     * less than 5e-18, and e^40 is far from overflow.
     */
    static final double LOGIT_LIMIT = 40.0;

    /**
     * e^x for |x| ≤ {@value #LOGIT_LIMIT}: the degree-10 Taylor polynomial of e^(x/256) (truncation error below
     * 4e-17 for |x/256| ≤ 0.16), squared eight times. Only additions and multiplications, so that C2 vectorizes the
     * loops that call it (Java 17 vectorizes neither Math.exp nor the bit manipulation of the usual range reduction);
     * measured 4× faster per sigmoid than one from Math.exp. Each squaring doubles the relative rounding error, so the
     * result is accurate to about 3e-14 relative: far below anything a learned optimizer's activations can show, but
     * visible to finite differences with steps below 1e-6.
     */
    static double exp(double x) {
        double y = x * (1.0 / 256);
        double p = 1 + y * (1 + y * (1.0 / 2 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720
                + y * (1.0 / 5040 + y * (1.0 / 40320 + y * (1.0 / 362880 + y * (1.0 / 3628800))))))))));
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p;
    }

    /** σ(z) = 1/(1 + e^−z) in place on {@code z[0..n)}; branch-free, so the loop vectorizes. */
    static void sigmoid(double[] z, int n) {
        for (int j = 0; j < n; j++) {
            double x = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, z[j]));
            z[j] = 1.0 / (1.0 + exp(-x));
        }
    }

    /**
     * {@code out[j] = tanh(z[j])} for j &lt; n, as 2σ(2z) − 1 (branch-free, vectorizable). Its absolute error is a few
     * ulps of 1, all the network needs; its relative error grows only for |z| below about 1e-8.
     */
    static void tanh(double[] z, double[] out, int n) {
        for (int j = 0; j < n; j++) {
            double x = Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, 2 * z[j]));
            out[j] = 2.0 / (1.0 + exp(-x)) - 1.0;
        }
    }

    /** Checks a flat parameter vector's length and finiteness. */
    static double[] checkedCopy(double[] parameters, int expected) {
        if (parameters.length != expected) {
            throw new IllegalArgumentException("parameters has " + parameters.length + " entries, the network needs "
                    + expected);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalArgumentException("parameters[" + k + "] = " + parameters[k] + " is not finite");
            }
        }
        return parameters.clone();
    }

    /** Checks the size asked of a new tape. */
    static void checkTapeSize(int steps, int coordinates) {
        if (steps < 1 || coordinates < 1) {
            throw new IllegalArgumentException("a tape needs at least one step and one coordinate, got steps="
                    + steps + ", coordinates=" + coordinates);
        }
    }

    /** Checks that a tape holds {@code steps} steps of the coordinates below {@code to}. */
    static void checkTapeHolds(RecurrentNet.Tape tape, int steps, int to) {
        if (steps > tape.steps() || to > tape.coordinates()) {
            throw new IllegalArgumentException("the tape holds " + tape.steps() + " steps of " + tape.coordinates()
                    + " coordinates; asked for step " + (steps - 1) + ", coordinates up to " + to);
        }
    }

    /** Checks that a range of coordinates fits the arrays it indexes. */
    static void checkRange(int from, int to, int coordinates, String what) {
        if (from < 0 || to < from || to > coordinates) {
            throw new IllegalArgumentException("coordinate range [" + from + ", " + to + ") does not fit " + what
                    + " of " + coordinates + " coordinates");
        }
    }
}
