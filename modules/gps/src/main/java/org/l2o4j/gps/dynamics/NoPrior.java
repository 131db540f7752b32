package org.l2o4j.gps.dynamics;

import java.util.List;

/**
 * No prior: m = n0 = 0 and Φ = 0, so conditioning reduces to the empirical Gaussian plus the ridge, i.e. ridge
 * regression (cbfinn/gps {@code DynamicsLR}; gps.md §8 test 9). Stateless.
 */
public final class NoPrior implements PriorProvider {

    private static final long serialVersionUID = 1L;

    /** Ignores the data: there is nothing to fit. */
    @Override
    public void update(List<double[][]> trajectories) {
        // deliberately empty: the non-informative prior does not depend on data
    }

    @Override
    public NiwPrior evaluate(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("prior query needs at least one point, got 0");
        }
        return NiwPrior.none(points[0].length);
    }
}
