package org.l2o4j.gps.cost;

import org.l2o4j.gps.linalg.Matrices;

/**
 * The local second-order expansion of one sample's cost along its trajectory: per time step t the value l_t, the
 * gradient l_y,t (dX + dU) and the Hessian l_yy,t with respect to y = [s; u] (gps.md §4.2).
 *
 * <p>The Hessian is held as its nonzero diagonal block: rows and columns [offset, offset + size) of y. The L2O cost
 * f(x_t) has curvature only in the x block (d × d inside a 237 × 237 matrix for the released-code features), and
 * holding the dense matrix per sample and step would allocate about a gigabyte per condition and GPS iteration.
 *
 * <p>Immutable.
 */
public final class CostDerivatives {

    private final int stateDimension;
    private final int actionDimension;
    private final double[] values;
    private final double[][] gradients;
    private final int blockOffset;
    private final int blockSize;
    private final double[][] blocks;

    /**
     * Derivatives with dense Hessians.
     *
     * @param values    l_t, T entries
     * @param gradients l_y,t, T arrays of dX + dU
     * @param hessians  l_yy,t, T arrays of (dX+dU) × (dX+dU)
     */
    public CostDerivatives(int stateDimension, int actionDimension, double[] values, double[][] gradients,
            double[][] hessians) {
        this(stateDimension, actionDimension, values, gradients, 0, stateDimension + actionDimension, hessians);
    }

    /**
     * Derivatives whose Hessians vanish outside one diagonal block.
     *
     * @param blockOffset the first row (and column) of the block in y
     * @param blockSize   the block's size b
     * @param blocks      the block of l_yy,t, T arrays of b × b
     */
    public CostDerivatives(int stateDimension, int actionDimension, double[] values, double[][] gradients,
            int blockOffset, int blockSize, double[][] blocks) {
        if (stateDimension <= 0 || actionDimension <= 0) {
            throw new IllegalArgumentException("dX and dU must be positive but are " + stateDimension + " and "
                    + actionDimension);
        }
        int n = stateDimension + actionDimension;
        if (blockOffset < 0 || blockSize < 1 || blockOffset + blockSize > n) {
            throw new IllegalArgumentException("Hessian block [" + blockOffset + ", " + (blockOffset + blockSize)
                    + ") does not fit in y of dX + dU = " + n);
        }
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.blockOffset = blockOffset;
        this.blockSize = blockSize;
        int horizon = values.length;
        if (gradients.length != horizon || blocks.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: " + horizon + " values but " + gradients.length
                    + " gradients and " + blocks.length + " Hessians");
        }
        this.values = values.clone();
        this.gradients = new double[horizon][];
        this.blocks = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            Matrices.requireLength("l_y at t = " + t, gradients[t], n, 1);
            Matrices.requireLength("l_yy at t = " + t, blocks[t], blockSize, blockSize);
            this.gradients[t] = gradients[t].clone();
            this.blocks[t] = blocks[t].clone();
        }
    }

    /** dX. */
    public int stateDimension() {
        return stateDimension;
    }

    /** dU. */
    public int actionDimension() {
        return actionDimension;
    }

    /** T. */
    public int horizon() {
        return values.length;
    }

    /** l_t. */
    public double value(int t) {
        return values[t];
    }

    /** l_y,t (a copy). */
    public double[] gradient(int t) {
        return gradients[t].clone();
    }

    /** l_yy,t, dense (dX+dU) × (dX+dU). */
    public double[] hessian(int t) {
        int n = stateDimension + actionDimension;
        double[] dense = new double[n * n];
        for (int a = 0; a < blockSize; a++) {
            System.arraycopy(blocks[t], a * blockSize, dense, (blockOffset + a) * n + blockOffset, blockSize);
        }
        return dense;
    }

    /** The first row and column of the Hessian's nonzero block. */
    public int hessianBlockOffset() {
        return blockOffset;
    }

    /** The size b of the Hessian's nonzero block. */
    public int hessianBlockSize() {
        return blockSize;
    }

    /** The block of l_yy,t, b × b (a copy). */
    public double[] hessianBlock(int t) {
        return blocks[t].clone();
    }
}
