package org.l2o4j.policy.recurrent;

/**
 * {@link RecurrentNet.States} in the caller's layout: the preprocessing into a feature array, then
 * {@link RecurrentNet.Kernel#step} on a state array held here.
 */
final class FlatStates implements RecurrentNet.States {

    private final RecurrentNet.Kernel kernel;
    private final Preprocessing preprocessing;
    private final int coordinates;
    private final double[] state;
    private final double[] features;

    FlatStates(RecurrentNet.Kernel kernel, int coordinates) {
        RecurrentNet net = kernel.net();
        this.kernel = kernel;
        this.preprocessing = net.spec().preprocessing();
        this.coordinates = coordinates;
        this.state = new double[Math.multiplyExact(coordinates, net.stateSize())];
        this.features = new double[Math.multiplyExact(coordinates, preprocessing.features())];
        kernel.resetState(state, 0, coordinates);
    }

    @Override
    public int coordinates() {
        return coordinates;
    }

    @Override
    public void step(double[] gradient, double[] update, int from, int to, RecurrentNet.Workspace workspace) {
        Dense.checkRange(from, to, coordinates, "states");
        preprocessing.apply(gradient, from, to, features);
        kernel.step(features, state, update, from, to, workspace, null, 0);
    }

    @Override
    public void copyTo(double[] target, int from, int to) {
        Dense.checkRange(from, to, coordinates, "states");
        int size = kernel.net().stateSize();
        System.arraycopy(state, from * size, target, from * size, (to - from) * size);
    }
}
