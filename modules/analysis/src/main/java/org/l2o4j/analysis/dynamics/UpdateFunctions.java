package org.l2o4j.analysis.dynamics;

/**
 * Update functions (analysis.md §4): the update Δx a cell makes from a fixed state h as a function of the gradient g,
 * Δx(g) = w·F(h, g) + b. Its slope at g = 0, −∂Δx/∂g = −w·∂F/∂g, is the effective learning rate (positive for a
 * descent step); a response that flattens at large |g| is soft gradient clipping.
 */
public final class UpdateFunctions {

    /**
     * One update function.
     *
     * @param label     what the state is (e.g. "h0", "h0 + 2 PC1")
     * @param gradients the grid of g
     * @param updates   Δx(g) on the grid
     * @param rate      the effective learning rate −∂Δx/∂g at g = 0 (analytic)
     */
    public record Curve(String label, double[] gradients, double[] updates, double rate) {
    }

    private UpdateFunctions() {
    }

    /** {@code points} values evenly spaced from −range to range (renn: 1,001 points on [−0.5, 0.5]). */
    public static double[] grid(double range, int points) {
        if (!(range > 0) || points < 2) {
            throw new IllegalArgumentException("a gradient grid needs range > 0 and at least 2 points");
        }
        double[] g = new double[points];
        for (int k = 0; k < points; k++) {
            g[k] = -range + 2 * range * k / (points - 1);
        }
        return g;
    }

    /** The update function of {@code state} on {@code gradients}. */
    public static Curve at(RecurrentCell cell, double[] state, double[] gradients, String label) {
        double[] next = new double[cell.stateSize()];
        double[] updates = new double[gradients.length];
        for (int k = 0; k < gradients.length; k++) {
            updates[k] = cell.step(state, gradients[k], next);
        }
        return new Curve(label, gradients.clone(), updates, rate(cell, state, 0.0));
    }

    /** −∂Δx/∂g at (state, g): the effective learning rate of that state for gradients near g. */
    public static double rate(RecurrentCell cell, double[] state, double gradient) {
        int s = cell.stateSize();
        double[] jacobian = new double[s * s];
        double[] inputJacobian = new double[s];
        cell.linearize(state, gradient, jacobian, inputJacobian);
        double[] w = cell.readoutWeights();
        double slope = 0;
        for (int j = 0; j < s; j++) {
            slope += w[j] * inputJacobian[j];
        }
        return -slope;
    }

    /**
     * How linear the response is out to |g|: (Δx(g) − Δx(−g)) / (2g · ∂Δx/∂g at 0), 1 for a linear update function,
     * below 1 where it saturates (soft clipping), NaN where the slope at 0 is 0.
     */
    public static double linearity(RecurrentCell cell, double[] state, double gradient) {
        double[] next = new double[cell.stateSize()];
        double up = cell.step(state, gradient, next);
        double down = cell.step(state, -gradient, next);
        double slope = -rate(cell, state, 0.0);
        return slope == 0 ? Double.NaN : (up - down) / (2 * gradient * slope);
    }

    /** {@code base + delta · direction}. */
    public static double[] shifted(double[] base, double[] direction, double delta) {
        double[] out = base.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += delta * direction[j];
        }
        return out;
    }
}
