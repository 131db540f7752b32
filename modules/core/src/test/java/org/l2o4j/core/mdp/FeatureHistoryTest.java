package org.l2o4j.core.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Step-by-step feature vectors against vectors written out by hand (gps.md §8 test 13: shift, zero-padding, relΔf), for
 * H = 3, d = 2 and the trajectory
 * <pre>
 * t     0       1       2       3        4         5
 * x_t   (1,2)   (2,4)   (4,7)   (7,11)   (11,16)   (16,22)     so Δx_t = (t, t+1)
 * f_t   8       4       6       3        3         1.5         so relΔf_t = −.5, .5, −.5, 0, −.5
 * g_t   (t + 0.1, t + 0.2)
 * </pre>
 */
class FeatureHistoryTest {

    private static final double[][] X = {{1, 2}, {2, 4}, {4, 7}, {7, 11}, {11, 16}, {16, 22}};
    private static final double[] F = {8, 4, 6, 3, 3, 1.5};

    private static double[] g(int t) {
        return new double[] {t + 0.1, t + 0.2};
    }

    /** States s_0..s_5 of problem 0 fed the trajectory above. */
    private static double[][] states(FeaturePreset preset) {
        FeatureHistory h = new FeatureHistory(preset, 1, 2);
        double[][] out = new double[X.length][h.stateDimension()];
        h.reset(0, X[0], 0, F[0], g(0), 0);
        h.state(0, out[0], 0);
        for (int t = 1; t < X.length; t++) {
            h.record(0, X[t], 0, F[t], g(t), 0);
            assertEquals(t, h.time(0));
            h.state(0, out[t], 0);
        }
        return out;
    }

    @Test
    void paperWithCurrentGradientShiftsNewestFirstAndPadsAtTheEnd() {
        double[][] s = states(FeaturePreset.paper(3, true));
        // x | f_t − f_{t−1}, f_t − f_{t−2}, f_t − f_{t−3} | g_t, g_{t−1}, g_{t−2}
        assertArrayEquals(new double[] {1, 2, 0, 0, 0, 0.1, 0.2, 0, 0, 0, 0}, s[0], 0.0);
        assertArrayEquals(new double[] {2, 4, -4, 0, 0, 1.1, 1.2, 0.1, 0.2, 0, 0}, s[1], 0.0);
        assertArrayEquals(new double[] {4, 7, 2, -2, 0, 2.1, 2.2, 1.1, 1.2, 0.1, 0.2}, s[2], 0.0);
        assertArrayEquals(new double[] {7, 11, -3, -1, -5, 3.1, 3.2, 2.1, 2.2, 1.1, 1.2}, s[3], 0.0);
        assertArrayEquals(new double[] {11, 16, 0, -3, -1, 4.1, 4.2, 3.1, 3.2, 2.1, 2.2}, s[4], 0.0);
        assertArrayEquals(new double[] {16, 22, -1.5, -1.5, -4.5, 5.1, 5.2, 4.1, 4.2, 3.1, 3.2}, s[5], 0.0);
    }

    @Test
    void paperLiteralReadingStartsTheGradientsOneStepBack() {
        double[][] s = states(FeaturePreset.paper(3, false));
        // x | same differences | g_{t−1}, g_{t−2}, g_{t−3}
        assertArrayEquals(new double[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, s[0], 0.0);
        assertArrayEquals(new double[] {2, 4, -4, 0, 0, 0.1, 0.2, 0, 0, 0, 0}, s[1], 0.0);
        assertArrayEquals(new double[] {4, 7, 2, -2, 0, 1.1, 1.2, 0.1, 0.2, 0, 0}, s[2], 0.0);
        assertArrayEquals(new double[] {7, 11, -3, -1, -5, 2.1, 2.2, 1.1, 1.2, 0.1, 0.2}, s[3], 0.0);
        assertArrayEquals(new double[] {11, 16, 0, -3, -1, 3.1, 3.2, 2.1, 2.2, 1.1, 1.2}, s[4], 0.0);
        assertArrayEquals(new double[] {16, 22, -1.5, -1.5, -4.5, 4.1, 4.2, 3.1, 3.2, 2.1, 2.2}, s[5], 0.0);
    }

    @Test
    void releasedCodeShiftsOldestFirstAndPadsAtTheFront() {
        double[][] s = states(FeaturePreset.releasedCode(3));
        // x | relΔf_{t−2}, relΔf_{t−1}, relΔf_t | g_{t−3}, g_{t−2}, g_{t−1} | g_t | Δx_{t−2}, Δx_{t−1}, Δx_t
        assertArrayEquals(new double[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0, 0, 0, 0, 0, 0}, s[0], 0.0);
        assertArrayEquals(new double[] {2, 4, 0, 0, -0.5, 0, 0, 0, 0, 0.1, 0.2, 1.1, 1.2, 0, 0, 0, 0, 1, 2},
                s[1], 0.0);
        assertArrayEquals(new double[] {4, 7, 0, -0.5, 0.5, 0, 0, 0.1, 0.2, 1.1, 1.2, 2.1, 2.2, 0, 0, 1, 2, 2, 3},
                s[2], 0.0);
        assertArrayEquals(new double[] {7, 11, -0.5, 0.5, -0.5, 0.1, 0.2, 1.1, 1.2, 2.1, 2.2, 3.1, 3.2, 1, 2, 2, 3,
                3, 4}, s[3], 0.0);
        assertArrayEquals(new double[] {11, 16, 0.5, -0.5, 0, 1.1, 1.2, 2.1, 2.2, 3.1, 3.2, 4.1, 4.2, 2, 3, 3, 4,
                4, 5}, s[4], 0.0);
        assertArrayEquals(new double[] {16, 22, -0.5, 0, -0.5, 2.1, 2.2, 3.1, 3.2, 4.1, 4.2, 5.1, 5.2, 3, 4, 4, 5,
                5, 6}, s[5], 0.0);
    }

    @Test
    void observationIsTheStateWithoutTheXBlock() {
        for (FeaturePreset preset : new FeaturePreset[] {FeaturePreset.paper(3, true), FeaturePreset.paper(3, false),
                FeaturePreset.releasedCode(3)}) {
            FeatureHistory h = new FeatureHistory(preset, 1, 2);
            h.reset(0, X[0], 0, F[0], g(0), 0);
            for (int t = 1; t < X.length; t++) {
                h.record(0, X[t], 0, F[t], g(t), 0);
                double[] state = new double[h.stateDimension()];
                double[] observation = new double[h.observationDimension()];
                h.state(0, state, 0);
                h.observation(0, observation, 0);
                assertEquals(state.length - 2, observation.length);
                assertArrayEquals(Arrays.copyOfRange(state, 2, state.length), observation, 0.0, preset + " t=" + t);
                assertArrayEquals(X[t], Arrays.copyOfRange(state, 0, 2), 0.0);
            }
        }
    }

    @Test
    void relativeChangeDividesByAFlooredSignedPreviousValue() {
        FeatureHistory h = new FeatureHistory(FeaturePreset.releasedCode(3), 1, 1);
        double[] zero = {0};
        h.reset(0, zero, 0, 0.0, zero, 0);
        h.record(0, zero, 0, 1e-13, zero, 0);   // (1e-13 − 0) / +1e-12: sign(0) counts as +
        h.record(0, zero, 0, -1e-15, zero, 0);  // (−1e-15 − 1e-13) / 1e-12: |1e-13| is below the floor
        h.record(0, zero, 0, 2.0, zero, 0);     // (2 + 1e-15) / −1e-12
        double[] o = new double[h.observationDimension()];
        h.observation(0, o, 0);
        assertEquals(1e-13 / 1e-12, o[0], 1e-15);
        assertEquals((-1e-15 - 1e-13) / 1e-12, o[1], 1e-15);
        assertEquals((2.0 + 1e-15) / -1e-12, o[2], 1e-3);
        h.record(0, zero, 0, 5.0, zero, 0);     // ordinary: (5 − 2) / 2
        h.observation(0, o, 0);
        assertEquals(1.5, o[2], 0.0);
        for (double v : o) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void problemsOfOneHistoryAreIndependent() {
        FeatureHistory h = new FeatureHistory(FeaturePreset.releasedCode(3), 2, 2);
        double[] far = {100, 200};
        h.reset(1, far, 0, 50, new double[] {7, 8}, 0);
        h.reset(0, X[0], 0, F[0], g(0), 0);
        for (int t = 1; t < X.length; t++) {
            h.record(0, X[t], 0, F[t], g(t), 0);
        }
        double[] s0 = new double[h.stateDimension()];
        h.state(0, s0, 0);
        assertArrayEquals(states(FeaturePreset.releasedCode(3))[5], s0, 0.0);
        double[] s1 = new double[h.stateDimension()];
        h.state(1, s1, 0);
        assertArrayEquals(new double[] {100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 0}, s1, 0.0);
        assertEquals(0, h.time(1));

        double[] all = new double[2 * h.observationDimension()];
        h.observations(all);
        assertArrayEquals(Arrays.copyOfRange(s0, 2, s0.length), Arrays.copyOfRange(all, 0, 17), 0.0);
        assertArrayEquals(Arrays.copyOfRange(s1, 2, s1.length), Arrays.copyOfRange(all, 17, 34), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.observations(new double[33]));
        assertTrue(e.getMessage().contains("33") && e.getMessage().contains("34"), e.getMessage());
    }

    @Test
    void aResetForgetsTheOldHistory() {
        FeatureHistory h = new FeatureHistory(FeaturePreset.paper(3, true), 1, 2);
        h.reset(0, X[0], 0, F[0], g(0), 0);
        for (int t = 1; t < X.length; t++) {
            h.record(0, X[t], 0, F[t], g(t), 0);
        }
        h.reset(0, X[0], 0, F[0], g(0), 0);
        h.record(0, X[1], 0, F[1], g(1), 0);
        double[] s = new double[h.stateDimension()];
        h.state(0, s, 0);
        assertArrayEquals(states(FeaturePreset.paper(3, true))[1], s, 0.0);
    }
}
