package org.l2o4j.gps.dynamics;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Where the normal-inverse-Wishart prior of each time step's joint Gaussian comes from (gps.md §4.4; Levine &amp;
 * Abbeel 2014; Levine et al. 2016 App. A.3).
 *
 * <p>Lifecycle: {@link #update} receives each new batch of trajectories (every trajectory as its rows of joint points,
 * e.g. [s_t, u_t, s_{t+1}] for t = 0..T−2) and refits whatever the provider keeps; {@link #evaluate} then answers
 * queries with the points of one time step and does not change the provider. The state (buffer, mixture) lives in
 * the provider; its configuration is fixed at construction. Implementations are not thread-safe for {@code update};
 * {@code evaluate} may be called concurrently between updates.
 */
public interface PriorProvider extends Serializable {

    /**
     * Adds a batch of trajectories, each given as its rows of joint points (all rows of dimension D), and refits. The
     * provider may keep references to the rows; do not modify them afterwards.
     */
    void update(List<double[][]> trajectories);

    /** The prior for the joint Gaussian of these points (N × D), one time step of a batch. */
    NiwPrior evaluate(double[][] points);

    /**
     * The reference's prior on the initial state (cbfinn/gps {@code DynamicsPriorGMM.initial_state}; used only in
     * cbfinn-compatible mode, gps-fixtures/README.md §7.2): statistics of the first {@code stateDim} entries of each
     * buffered trajectory's first row. Empty for providers that keep no buffer.
     */
    default Optional<NiwPrior> initialStatePrior(int stateDim) {
        return Optional.empty();
    }
}
