package org.l2o4j.gps.dynamics;

import java.io.Serializable;

/**
 * Settings of the {@link DynamicsFitter} (gps.md §4.3 and §6). {@link #liMalik()} holds Li &amp; Malik's released
 * values.
 *
 * @param ridge                      r added to the [s; u] block of the joint covariance (Li: 1e-3; cbfinn example 1e-6)
 * @param initialStateVarianceFloor  x0Σ = diag(max(var(s_0), floor)) (1e-6)
 * @param cbfinnCompatible           reproduce cbfinn/gps, for golden tests (gps-fixtures/README.md §7.1–7.2): the ridge
 *                                   is added to every entry of the input block (r·𝟙𝟙ᵀ), and x0Σ gets the reference's
 *                                   prior term Φ + N·m/(N+m)·δδᵀ/(N+n0) with Φ not divided by (N+n0). Off by default.
 * @param structure                  what a GPS run fits: only the entries of s_{t+1} the MDP does not determine
 *                                   ({@link Structure#KNOWN_TRANSITION}, L2O4J's default) or the whole transition as
 *                                   the reference does ({@link Structure#FULL})
 */
public record DynamicsConfig(double ridge, double initialStateVarianceFloor, boolean cbfinnCompatible,
        Structure structure) implements Serializable {

    /** Which part of the transition is fitted. */
    public enum Structure {
        /** Fit z_t | [x_t; u_t] for the d + 1 fresh entries and keep the rest exact: {@link KnownTransitionFitter}. */
        KNOWN_TRANSITION,
        /** Fit s_{t+1} | [s_t; u_t] in full, as cbfinn/gps and Li &amp; Malik do: {@link DynamicsFitter}. */
        FULL
    }

    public DynamicsConfig {
        if (structure == null) {
            throw new IllegalArgumentException("dynamics structure must be given (KNOWN_TRANSITION or FULL)");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("dynamics ridge must be finite and ≥ 0, got " + ridge);
        }
        if (!(initialStateVarianceFloor >= 0) || !Double.isFinite(initialStateVarianceFloor)) {
            throw new IllegalArgumentException("initial-state variance floor must be finite and ≥ 0, got "
                    + initialStateVarianceFloor);
        }
    }

    /** Li &amp; Malik's values: ridge 1e-3, x0 variance floor 1e-6, clean formulas; the known transition kept exact. */
    public static DynamicsConfig liMalik() {
        return new DynamicsConfig(1e-3, 1e-6, false, Structure.KNOWN_TRANSITION);
    }

    /** This configuration with another ridge. */
    public DynamicsConfig withRidge(double r) {
        return new DynamicsConfig(r, initialStateVarianceFloor, cbfinnCompatible, structure);
    }

    /** This configuration with cbfinn/gps's quirks switched on or off. */
    public DynamicsConfig withCbfinnCompatible(boolean compatible) {
        return new DynamicsConfig(ridge, initialStateVarianceFloor, compatible, structure);
    }

    /** This configuration fitting the given part of the transition. */
    public DynamicsConfig withStructure(Structure value) {
        return new DynamicsConfig(ridge, initialStateVarianceFloor, cbfinnCompatible, value);
    }

    /** How the ridge enters the input block under this configuration. */
    public GaussianConditioner.RidgeForm ridgeForm() {
        return cbfinnCompatible ? GaussianConditioner.RidgeForm.ALL_ENTRIES : GaussianConditioner.RidgeForm.IDENTITY;
    }
}
