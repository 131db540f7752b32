package org.l2o4j.gps.dynamics;

import java.io.Serializable;

/**
 * Settings of a {@link GmmPrior} (gps.md §4.4 and §6). Defaults ({@link #liMalik()}) are Li &amp; Malik's released
 * configuration, which uses the same values for the dynamics prior and the policy prior.
 *
 * @param maxClusters            upper bound on K (Li: 20)
 * @param minSamplesPerCluster   K = max(2, min(maxClusters, ⌊P / minSamplesPerCluster⌋)) for P points (Li: 20)
 * @param maxSamples             trajectories kept in the buffer (Li: 20)
 * @param strength               prior weight: m = strength, n0 = strength·(P − 2 − D)/P (Li: 1.0)
 * @param maxEmIterations        cap on E-steps per update (reference: 100)
 * @param cbfinnCompatible       reproduce cbfinn/gps exactly, for golden tests (gps-fixtures/README.md §7.3, 7.5,
 *                               7.6): keep maxSamples − 1 trajectories, let n0 use the point count of the last
 *                               (re)initialization and go negative, scale initial covariances by 1/K. Off by default.
 */
public record GmmPriorConfig(int maxClusters, int minSamplesPerCluster, int maxSamples, double strength,
        int maxEmIterations, boolean cbfinnCompatible) implements Serializable {

    public GmmPriorConfig {
        if (maxClusters < 2) {
            throw new IllegalArgumentException("maxClusters must be ≥ 2 (K is at least 2), got " + maxClusters);
        }
        if (minSamplesPerCluster < 1) {
            throw new IllegalArgumentException("minSamplesPerCluster must be ≥ 1, got " + minSamplesPerCluster);
        }
        if (maxSamples < (cbfinnCompatible ? 2 : 1)) {
            throw new IllegalArgumentException("maxSamples must be ≥ 1 (≥ 2 in cbfinn-compatible mode, which keeps"
                    + " maxSamples − 1), got " + maxSamples);
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("prior strength must be finite and ≥ 0, got " + strength);
        }
        if (maxEmIterations < 1) {
            throw new IllegalArgumentException("maxEmIterations must be ≥ 1, got " + maxEmIterations);
        }
    }

    /** Li &amp; Malik's values: 20 clusters at most, 20 points per cluster, 20 trajectories, strength 1, 100 E-steps. */
    public static GmmPriorConfig liMalik() {
        return new GmmPriorConfig(20, 20, 20, 1.0, 100, false);
    }

    /** This configuration with cbfinn/gps's quirks switched on or off. */
    public GmmPriorConfig withCbfinnCompatible(boolean compatible) {
        return new GmmPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, strength, maxEmIterations,
                compatible);
    }

    /** This configuration with another buffer size. */
    public GmmPriorConfig withMaxSamples(int samples) {
        return new GmmPriorConfig(maxClusters, minSamplesPerCluster, samples, strength, maxEmIterations,
                cbfinnCompatible);
    }

    /** This configuration with other cluster bounds. */
    public GmmPriorConfig withClusters(int max, int minSamples) {
        return new GmmPriorConfig(max, minSamples, maxSamples, strength, maxEmIterations, cbfinnCompatible);
    }

    /** This configuration with another strength. */
    public GmmPriorConfig withStrength(double priorStrength) {
        return new GmmPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, priorStrength, maxEmIterations,
                cbfinnCompatible);
    }
}
