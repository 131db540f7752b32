package org.l2o4j.analysis.dynamics;

/**
 * A coordinatewise recurrent optimizer as a dynamical system: per coordinate a state h of {@link #stateSize()}
 * numbers, the step h' = F(h, g) driven by the coordinate's gradient g, and the update Δx = w·h' + b read linearly
 * from the new state (true of renn's GRU, Andrychowicz et al.'s LSTM, and of momentum-like methods written as cells).
 * Implementations are not thread-safe.
 */
public interface RecurrentCell {

    /** Numbers of state per coordinate. */
    int stateSize();

    /** The state every coordinate starts from (a copy). */
    double[] initialState();

    /**
     * One step: writes F(state, gradient) into {@code next} ({@code state} is not changed; the two may not be the same
     * array) and returns the update Δx = w·next + b.
     */
    double step(double[] state, double gradient, double[] next);

    /**
     * ∂F/∂h at (state, gradient) into {@code stateJacobian} (row-major, stateSize × stateSize, row i = output i) and
     * ∂F/∂g into {@code inputJacobian} (stateSize).
     */
    void linearize(double[] state, double gradient, double[] stateJacobian, double[] inputJacobian);

    /** w of the readout Δx = w·h' + b (a copy). */
    double[] readoutWeights();

    /** b of the readout. */
    double readoutBias();

    /** Δx = w·h + b of a state h. */
    default double readout(double[] state) {
        double[] w = readoutWeights();
        double out = readoutBias();
        for (int j = 0; j < w.length; j++) {
            out += w[j] * state[j];
        }
        return out;
    }
}
