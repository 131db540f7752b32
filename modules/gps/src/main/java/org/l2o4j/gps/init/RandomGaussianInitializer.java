package org.l2o4j.gps.init;

import java.util.Objects;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.model.LinearGaussianController;

/**
 * The generic initial controller of gps.md §4.12: K_t = 0, k_t = 0, Σ_t = σ²I, i.e. a random walk of steps
 * N(0, σ²I) that ignores the state. Useful where no hand-written optimizer is a sensible starting point.
 *
 * @param preset   the state features, which fix dX for a condition's dimension d
 * @param horizon  T, the controller's time steps
 * @param variance σ² &gt; 0 of every action coordinate
 */
public record RandomGaussianInitializer(FeaturePreset preset, int horizon, double variance)
        implements ControllerInitializer {

    public RandomGaussianInitializer {
        Objects.requireNonNull(preset, "preset");
        if (horizon < 1) {
            throw new IllegalArgumentException("T must be ≥ 1, got " + horizon);
        }
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("action variance σ² must be positive and finite, got " + variance);
        }
    }

    @Override
    public LinearGaussianController initialController(Condition condition) {
        int d = condition.dimension();
        int dX = preset.stateLayout(d).dimension();
        double[][] gains = new double[horizon][d * dX];
        double[][] offsets = new double[horizon][d];
        return LinearGaussianController.fromCovariances(dX, d, gains, offsets, scaledIdentities(horizon, d,
                variance));
    }

    /** T copies of v·I (d × d): the time-invariant action covariance both initializers use. */
    static double[][] scaledIdentities(int horizon, int d, double v) {
        double[][] covariances = new double[horizon][d * d];
        for (int t = 0; t < horizon; t++) {
            for (int j = 0; j < d; j++) {
                covariances[t][j * d + j] = v;
            }
        }
        return covariances;
    }
}
