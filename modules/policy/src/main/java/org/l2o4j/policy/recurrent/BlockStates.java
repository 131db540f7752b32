package org.l2o4j.policy.recurrent;

/**
 * {@link RecurrentNet.States} kept in a block kernel's layout (coordinate n's state as its block's rows, as
 * {@link Dense#tapeBase}'s layout gives them for the kernel's block width), so that a step moves no state: the
 * features of the range from the network's preprocessing, then the block kernel's step on the states in place.
 */
abstract class BlockStates implements RecurrentNet.States {

    private final Preprocessing preprocessing;
    private final int coordinates;
    private final double[] featureValues;

    BlockStates(RecurrentNet net, int coordinates) {
        this.preprocessing = net.spec().preprocessing();
        this.coordinates = coordinates;
        this.featureValues = new double[Math.multiplyExact(coordinates, preprocessing.features())];
    }

    @Override
    public final int coordinates() {
        return coordinates;
    }

    @Override
    public final void step(double[] gradient, double[] update, int from, int to, RecurrentNet.Workspace workspace) {
        Dense.checkRange(from, to, coordinates, "states");
        Dense.checkRange(from, to, update.length, "update");
        preprocessing.apply(gradient, from, to, featureValues);
        stepBlocks(featureValues, update, from, to, workspace);
    }

    /** The block kernel's step of coordinates {@code from .. to-1} (a checked range) from their features. */
    abstract void stepBlocks(double[] featureValues, double[] update, int from, int to,
            RecurrentNet.Workspace workspace);
}
