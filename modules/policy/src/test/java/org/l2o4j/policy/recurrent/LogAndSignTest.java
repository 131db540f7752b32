package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogAndSignTest {

    private static double[] features(Preprocessing p, double... gradient) {
        double[] out = new double[gradient.length * p.features()];
        p.apply(gradient, 0, gradient.length, out);
        return out;
    }

    /** |g| ≥ e^−p: (log|g|/p, sign g), the paper's first branch, computed here by hand for p = 10. */
    @Test
    void largeGradientsGiveLogMagnitudeAndSign() {
        LogAndSign las = LogAndSign.paper();
        double[] f = features(las, 3.0, -0.25, 1.0, -1e-4);
        assertArrayEquals(new double[] {Math.log(3.0) / 10, 1.0, Math.log(0.25) / 10, -1.0, 0.0, 1.0,
            Math.log(1e-4) / 10, -1.0}, f, 1e-16);
        assertEquals(0.10986122886681098, f[0], 1e-16);
        assertEquals(-0.9210340371976183, f[6], 1e-15);
    }

    /** |g| &lt; e^−p: (−1, e^p g); zero maps to (−1, 0). */
    @Test
    void smallGradientsGiveMinusOneAndScaledGradient() {
        LogAndSign las = new LogAndSign(10, false);
        double[] f = features(las, 1e-5, -2e-6, 0.0);
        assertArrayEquals(new double[] {-1.0, Math.exp(10) * 1e-5, -1.0, -Math.exp(10) * 2e-6, -1.0, 0.0}, f, 1e-15);
        assertEquals(0.22026465794806716, f[1], 1e-15);
    }

    /** At |g| = e^−p both branches give (−1, ±1); just below and above, the features move continuously. */
    @Test
    void branchesMeetAtTheThreshold() {
        for (double p : new double[] {10, 5, 2.5}) {
            LogAndSign las = new LogAndSign(p, false);
            double threshold = Math.exp(-p);
            double[] at = features(las, threshold, -threshold);
            assertArrayEquals(new double[] {-1, 1, -1, -1}, at, 1e-15);
            double below = Math.nextDown(threshold);
            double[] justBelow = features(las, below);
            assertEquals(-1.0, justBelow[0], 0.0);
            assertEquals(1.0, justBelow[1], 1e-15);
            double[] justAbove = features(las, Math.nextUp(threshold));
            assertEquals(-1.0, justAbove[0], 1e-15);
            assertEquals(1.0, justAbove[1], 0.0);
        }
    }

    /** DeepMind's clamped form: the same values except the ε inside the log, and clamps at both ends. */
    @Test
    void clampedFormMatchesDeepMindsFormula() {
        LogAndSign dm = new LogAndSign(LogAndSign.DEEPMIND_K, true);
        double eps = Math.ulp(1.0);
        double[] f = features(dm, 2.0, -1e-2, 1e-4, 0.0);
        double[] expected = {Math.log(2.0 + eps) / 5, 1.0, Math.log(1e-2 + eps) / 5, -1.0, -1.0,
            Math.exp(5) * 1e-4, -1.0, 0.0};
        assertArrayEquals(expected, f, 1e-16);
        LogAndSign paper = new LogAndSign(5, false);
        double[] g = {7.5, -0.02, 3e-3, -4e-5, 0.0};
        // The two forms differ only by ε/(p|g|) in the log feature, about 1e-14 for these gradients.
        assertArrayEquals(features(paper, g), features(dm, g), 1e-13);
    }

    @Test
    void rangeIsRespectedAndScaledGradientMultiplies() {
        double[] out = new double[8];
        java.util.Arrays.fill(out, 99);
        LogAndSign.paper().apply(new double[] {5, -5, 5, -5}, 1, 3, out);
        assertArrayEquals(new double[] {99, 99, Math.log(5) / 10, -1, Math.log(5) / 10, 1, 99, 99}, out, 1e-16);
        assertArrayEquals(new double[] {-1.5, 0.0, 30.0}, features(new ScaledGradient(3), -0.5, 0.0, 10.0), 0.0);
    }

    @Test
    void badSettingsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogAndSign(0, false));
        assertEquals("p (log-and-sign) must be finite and > 0, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ScaledGradient(0));
        assertEquals("inputScale must not be 0: the optimizer would never see a gradient", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScaledGradient(Double.NaN));
    }
}
