package org.l2o4j.core.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The known part of the transition against the feature history itself: along random trajectories of a nonlinear
 * objective, A_t s_t + B_t u_t + C_t z_t with z_t read off s_{t+1} must give all of s_{t+1}, for every preset, before
 * and after the history fills up.
 */
class KnownTransitionTest {

    static List<FeaturePreset> presets() {
        return List.of(FeaturePreset.paper(5, true), FeaturePreset.paper(5, false), FeaturePreset.releasedCode(5),
                FeaturePreset.paper(), FeaturePreset.releasedCode());
    }

    /** f(x) = Σ exp(x_j / 3) + (Σ x_j)², positive and not quadratic, so no feature is accidentally linear. */
    private static double value(double[] x) {
        double sum = 0;
        double e = 0;
        for (double v : x) {
            sum += v;
            e += Math.exp(v / 3);
        }
        return e + sum * sum;
    }

    private static double[] gradient(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = Math.exp(x[j] / 3) / 3 + 2 * sum;
        }
        return g;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void reproducesEveryEntryOfTheNextStateFromTheFreshOnes(FeaturePreset preset) {
        int d = 4;
        KnownTransition transition = KnownTransition.of(preset, d);
        FeatureHistory history = new FeatureHistory(preset, 1, d);
        assertEquals(history.stateDimension(), transition.stateDimension());
        Random rng = new Random(7);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = rng.nextGaussian();
        }
        history.reset(0, x, 0, value(x), gradient(x), 0);
        int dX = history.stateDimension();
        double[] state = new double[dX];
        double[] next = new double[dX];
        double[] predicted = new double[dX];
        int[] fresh = transition.freshIndices();
        int steps = 2 * preset.historyLength() + 3;
        for (int t = 0; t < steps; t++) {
            history.state(0, state, 0);
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = 0.3 * rng.nextGaussian();
                x[j] += u[j];
            }
            history.record(0, x, 0, value(x), gradient(x), 0);
            history.state(0, next, 0);
            double[] z = new double[fresh.length];
            for (int r = 0; r < fresh.length; r++) {
                z[r] = next[fresh[r]];
            }
            transition.apply(t, state, u, z, predicted);
            for (int i = 0; i < dX; i++) {
                assertEquals(next[i], predicted[i], 1e-12 * (1 + Math.abs(next[i])),
                        preset.name() + " entry " + i + " at t = " + t);
            }
        }
    }

    @Test
    void freshEntriesAreTheNewestObjectiveFeatureAndGradient() {
        KnownTransition paper = KnownTransition.of(FeaturePreset.paper(), 4);
        assertArrayEquals(new int[] {4, 29, 30, 31, 32}, paper.freshIndices());
        KnownTransition released = KnownTransition.of(FeaturePreset.releasedCode(), 4);
        // relΔf (4, 25): newest slot last; current gradient (129, 4)
        assertArrayEquals(new int[] {28, 129, 130, 131, 132}, released.freshIndices());
        assertEquals(0, released.xBlock().offset());
        assertEquals(4, released.xBlock().length());
    }

    @Test
    void paperDifferencesFillUpOneSlotPerStepThenStayFixed() {
        int h = 5;
        KnownTransition transition = KnownTransition.of(FeaturePreset.paper(h, true), 2);
        int previous = -1;
        for (int t = 0; t <= h + 2; t++) {
            int count = transition.terms(t).size();
            if (t > 0 && t < h) {
                assertEquals(previous + 2, count, "two terms more per newly valid slot at t = " + t);
            } else if (t >= h) {
                assertEquals(transition.terms(h - 1).size(), count, "constant once every slot is valid, t = " + t);
            }
            previous = count;
        }
        assertThrows(IllegalArgumentException.class, () -> transition.terms(-1));
    }

    @Test
    void rejectsMismatchedVectors() {
        KnownTransition transition = KnownTransition.of(FeaturePreset.paper(3, true), 2);
        int dX = transition.stateDimension();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transition.apply(0, new double[dX], new double[3], new double[3], new double[dX]));
        assertEquals(true, e.getMessage().contains("u of 2"));
    }
}
