package org.l2o4j.policy.recurrent;

/**
 * {@link BlockStates} of a single-precision kernel ({@link FloatLstm}, {@link FloatGru}): the states as floats in
 * blocks of {@link FloatCells#LANES} coordinates, so that a step neither moves nor converts them; {@link #copyTo}
 * widens them to double, exactly. The numbers are those of the kernel's step on a double state array in the caller's
 * layout, which holds the same floats.
 */
final class FloatBlockStates extends BlockStates {

    /** The kernel's step on states kept here ({@code stateSize} block rows per block), workspace checked by it. */
    interface Cells {
        void stepBlocks(double[] featureValues, float[] state, double[] update, int from, int to,
                RecurrentNet.Workspace workspace);
    }

    private final Cells cells;
    private final int stateSize;
    private final float[] state;

    /** The states of {@code coordinates} coordinates, each {@code initialState} (one coordinate's) rounded to floats. */
    FloatBlockStates(RecurrentNet net, int coordinates, double[] initialState, Cells cells) {
        super(net, coordinates);
        this.cells = cells;
        this.stateSize = net.stateSize();
        this.state = new float[FloatCells.tapeLength(coordinates, stateSize)];
        float[] block = new float[stateSize * FloatCells.LANES];
        for (int k = 0; k < stateSize; k++) {
            java.util.Arrays.fill(block, k * FloatCells.LANES, (k + 1) * FloatCells.LANES, (float) initialState[k]);
        }
        for (int at = 0; at < state.length; at += block.length) {
            System.arraycopy(block, 0, state, at, block.length);
        }
    }

    @Override
    void stepBlocks(double[] featureValues, double[] update, int from, int to, RecurrentNet.Workspace workspace) {
        cells.stepBlocks(featureValues, state, update, from, to, workspace);
    }

    @Override
    public void copyTo(double[] target, int from, int to) {
        Dense.checkRange(from, to, coordinates(), "states");
        int lanes = FloatCells.LANES;
        for (int n = from; n < to; n++) {
            int base = n / lanes * stateSize * lanes + n % lanes;
            for (int k = 0; k < stateSize; k++) {
                target[n * stateSize + k] = state[base + k * lanes];
            }
        }
    }
}
