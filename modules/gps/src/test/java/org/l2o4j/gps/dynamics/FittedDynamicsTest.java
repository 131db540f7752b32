package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.l2o4j.gps.model.LinearGaussianDynamics;

/** The conversion to the trajectory optimizer's model type drops the empty last entry and keeps everything else. */
class FittedDynamicsTest {

    @Test
    void convertsToLinearGaussianDynamicsWithoutTheLastEntry() {
        double[][] gains = {{1, 2, 3}, {4, 5, 6}, {0, 0, 0}};
        double[][] offsets = {{0.5}, {0.25}, {0}};
        double[][] covariances = {{0.1}, {0.2}, {0}};
        FittedDynamics fitted = new FittedDynamics(1, 2, gains, offsets, covariances, new double[] {3},
                new double[] {1e-6});
        LinearGaussianDynamics model = fitted.toLinearGaussianDynamics();
        assertEquals(3, model.horizon());
        assertEquals(1, model.stateDimension());
        assertEquals(2, model.actionDimension());
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(gains[t], model.transitionMatrix(t), 0.0);
            assertArrayEquals(offsets[t], model.transitionOffset(t), 0.0);
            assertArrayEquals(covariances[t], model.noiseCovariance(t), 0.0);
        }
        assertArrayEquals(new double[] {3}, model.initialStateMean(), 0.0);
        assertArrayEquals(new double[] {1e-6}, model.initialStateCovariance(), 0.0);
    }
}
