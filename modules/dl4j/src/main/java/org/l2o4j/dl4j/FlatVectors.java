package org.l2o4j.dl4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between the flat arrays DL4J hands an updater (a block's gradient and state views, off-heap and often
 * at an offset in the network's whole gradient or state) and the {@code double[]} arrays the recurrent kernels compute
 * on. A copy goes through the view's NIO buffer, which starts at the view's first element: one memory copy for
 * DOUBLE, one converting loop for FLOAT, and no allocation per step (per-element {@code getDouble} costs about 8 ns,
 * 10 ms per step on the 1.3 million state numbers of the MNIST network's LSTM).
 */
final class FlatVectors {

    private FlatVectors() {
    }

    /**
     * Checks that {@code a} can be copied as a flat vector of {@code length} numbers.
     *
     * @param what names the array in the message
     * @throws IllegalArgumentException naming the array if its length, data type or layout does not fit
     */
    static void check(INDArray a, long length, String what) {
        if (a.length() != length) {
            throw new IllegalArgumentException("LearnedGradientUpdater's " + what + " array has " + a.length()
                    + " numbers, expected " + length);
        }
        DataType type = a.dataType();
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw new IllegalArgumentException("LearnedGradientUpdater runs on DOUBLE or FLOAT networks, but its "
                    + what + " array is " + type + "; set the network's dataType to DOUBLE or FLOAT");
        }
        if (length > 1 && a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("LearnedGradientUpdater's " + what + " array is not contiguous "
                    + "(element-wise stride " + a.elementWiseStride() + "); DL4J hands updaters contiguous views");
        }
    }

    /** Copies the numbers of {@code a} into {@code into[0 .. a.length())}. */
    static void read(INDArray a, double[] into) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().get(into, 0, n);
        } else {
            FloatBuffer b = a.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                into[i] = b.get();
            }
        }
    }

    /** Copies {@code from[0 .. a.length())} into {@code a}, rounded to float if {@code a} is FLOAT. */
    static void write(double[] from, INDArray a) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = a.data().asNioDouble();
            b.put(from, 0, n);
        } else {
            FloatBuffer b = a.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                b.put((float) from[i]);
            }
        }
    }
}
