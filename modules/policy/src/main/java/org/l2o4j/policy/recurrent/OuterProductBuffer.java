package org.l2o4j.policy.recurrent;

/**
 * Adds Σ_r a_r ⊗ b_r to a matrix (one array per row) {@value #ROWS} pairs at a time. A weight gradient is a sum of such
 * outer products, one per coordinate and step; added one at a time they are one axpy per matrix row, each loading and
 * storing the whole row. Gathered, they become {@link Dense#accumulate} into each row, which reads four pending b_r per
 * pass over it: measured twice as fast on rows of 80.
 */
final class OuterProductBuffer {

    /** Pairs gathered before they are added. */
    static final int ROWS = 32;

    private final double[][] target;
    private final int width;
    /** The pending b_r, one array per pair. */
    private final double[][] right;
    /** The pending a_r, transposed: {@code left[k][r]} is entry k of pair r, the coefficients of target row k. */
    private final double[][] left;
    private int pending;

    /** A buffer adding into {@code target}, a matrix of {@code target.length} rows of equal width. */
    OuterProductBuffer(double[][] target) {
        this.target = target;
        this.width = target[0].length;
        this.right = new double[ROWS][width];
        this.left = new double[target.length][ROWS];
    }

    /** Queues a ⊗ b with a = {@code a[offset .. offset + rows)} and b = {@code b[bOffset .. bOffset + width)}. */
    void add(double[] a, int offset, double[] b, int bOffset) {
        System.arraycopy(b, bOffset, right[pending], 0, width);
        for (int k = 0; k < left.length; k++) {
            left[k][pending] = a[offset + k];
        }
        if (++pending == ROWS) {
            flush();
        }
    }

    /** Adds what is pending into the target. */
    void flush() {
        for (int k = 0; k < target.length; k++) {
            Dense.accumulate(target[k], width, right, left[k], 0, pending);
        }
        pending = 0;
    }

    /** Forgets what is pending (the target is being reset). */
    void clear() {
        pending = 0;
    }
}
