package org.l2o4j.gps.policy;

import java.io.Serializable;
import java.util.Objects;

import org.l2o4j.gps.dynamics.GmmPriorConfig;

/**
 * Settings of the {@link PolicyLinearizer} (gps.md §4.9 and §6, "Policy GMM"). {@link #liMalik()} holds Li &amp;
 * Malik's released values.
 *
 * @param prior  where the NIW prior of each time step's regression comes from
 * @param gmm    the policy prior's mixture: Li 20 clusters at most, 20 points per cluster, strength 1. Its
 *               {@code maxSamples} is not used: in {@link Prior#REPLACE} mode the buffer is exactly the current batch
 * @param ridge  r ≥ 0 added as r·I to the s block of each time step's joint covariance (Li: 1e-3)
 */
public record PolicyLinearizerConfig(Prior prior, GmmPriorConfig gmm, double ridge) implements Serializable {

    /** The policy prior. */
    public enum Prior {
        /** No prior (m = n0 = 0, Φ = 0): each time step is a plain ridge regression of μ_θ(o_t) on s_t. */
        NONE,
        /**
         * Li &amp; Malik's mode {@code replace}: before each linearization a GMM is fitted on the points [s_t; μ_θ(o_t)]
         * of the current samples only (all t), warm-started from the previous mixture when the cluster count is
         * unchanged, and it supplies every time step's NIW prior.
         */
        REPLACE
    }

    public PolicyLinearizerConfig {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(gmm, "gmm");
        if (gmm.cbfinnCompatible()) {
            throw new IllegalArgumentException("the policy prior does not reproduce cbfinn/gps's dynamics-prior quirks;"
                    + " pass a GmmPriorConfig with cbfinnCompatible = false");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("policy linearization ridge must be finite and ≥ 0, got " + ridge);
        }
    }

    /** Li &amp; Malik: mode {@code replace}, 20 clusters, 20 points per cluster, strength 1, ridge 1e-3 on s. */
    public static PolicyLinearizerConfig liMalik() {
        return new PolicyLinearizerConfig(Prior.REPLACE, GmmPriorConfig.liMalik(), 1e-3);
    }

    /** This configuration with another prior mode. */
    public PolicyLinearizerConfig withPrior(Prior mode) {
        return new PolicyLinearizerConfig(mode, gmm, ridge);
    }

    /** This configuration with another ridge. */
    public PolicyLinearizerConfig withRidge(double r) {
        return new PolicyLinearizerConfig(prior, gmm, r);
    }

    /** This configuration with another mixture configuration. */
    public PolicyLinearizerConfig withGmm(GmmPriorConfig mixture) {
        return new PolicyLinearizerConfig(prior, mixture, ridge);
    }
}
