package org.l2o4j.analysis.dynamics;

import org.l2o4j.policy.recurrent.Preprocessing;
import org.l2o4j.policy.recurrent.RecurrentNet;

/**
 * A trained recurrent network ({@link RecurrentNet.Kernel}: the LSTM or the GRU) with its gradient preprocessing as a
 * {@link RecurrentCell}: the step, Jacobians and readout are the network's own, so the analysis sees exactly the
 * optimizer that {@code l2o evaluate} runs.
 */
public final class NetworkCell implements RecurrentCell {

    private final RecurrentNet.Kernel kernel;
    private final Preprocessing preprocessing;
    private final RecurrentNet.Workspace workspace;
    private final int size;
    private final int features;
    private final double[] readoutWeights;
    private final double readoutBias;
    private final double[] gradientBuffer = new double[1];
    private final double[] featureBuffer;
    private final double[] featureDerivative;
    private final double[] featureJacobian;
    private final double[] update = new double[1];

    /** @param kernel the trained network */
    public NetworkCell(RecurrentNet.Kernel kernel) {
        this.kernel = kernel;
        this.preprocessing = kernel.net().spec().preprocessing();
        this.workspace = kernel.newWorkspace();
        this.size = kernel.net().stateSize();
        this.features = preprocessing.features();
        this.readoutWeights = kernel.readoutWeights();
        this.readoutBias = kernel.readoutBias();
        this.featureBuffer = new double[features];
        this.featureDerivative = new double[features];
        this.featureJacobian = new double[size * features];
    }

    @Override
    public int stateSize() {
        return size;
    }

    @Override
    public double[] initialState() {
        double[] h = new double[size];
        kernel.resetState(h, 0, 1);
        return h;
    }

    @Override
    public double step(double[] state, double gradient, double[] next) {
        check(state);
        check(next);
        gradientBuffer[0] = gradient;
        preprocessing.apply(gradientBuffer, 0, 1, featureBuffer);
        System.arraycopy(state, 0, next, 0, size);
        kernel.step(featureBuffer, next, update, 0, 1, workspace, null, 0);
        return update[0];
    }

    @Override
    public void linearize(double[] state, double gradient, double[] stateJacobian, double[] inputJacobian) {
        check(state);
        gradientBuffer[0] = gradient;
        preprocessing.apply(gradientBuffer, 0, 1, featureBuffer);
        preprocessing.derivative(gradient, featureDerivative);
        kernel.linearize(featureBuffer, state, workspace, stateJacobian, featureJacobian);
        for (int i = 0; i < size; i++) {
            double sum = 0;
            for (int k = 0; k < features; k++) {
                sum += featureJacobian[i * features + k] * featureDerivative[k];
            }
            inputJacobian[i] = sum;
        }
    }

    @Override
    public double[] readoutWeights() {
        return readoutWeights.clone();
    }

    @Override
    public double readoutBias() {
        return readoutBias;
    }

    private void check(double[] state) {
        if (state.length != size) {
            throw new IllegalArgumentException("a state of this network has " + size + " numbers, got "
                    + state.length);
        }
    }
}
