package org.l2o4j.analysis.dynamics;

/**
 * A cell written by hand for a known-answer test: the state size, initial state and linear readout are given; the
 * test writes the step and its Jacobians.
 */
abstract class HandCell implements RecurrentCell {

    private final double[] initial;
    private final double[] readout;

    /** @param initial the initial state; @param readout w of Δx = w·h' (no constant term) */
    HandCell(double[] initial, double[] readout) {
        this.initial = initial.clone();
        this.readout = readout.clone();
    }

    @Override
    public int stateSize() {
        return initial.length;
    }

    @Override
    public double[] initialState() {
        return initial.clone();
    }

    @Override
    public double[] readoutWeights() {
        return readout.clone();
    }

    @Override
    public double readoutBias() {
        return 0;
    }
}
