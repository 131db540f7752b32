package org.l2o4j.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarginsTest {

    private static final double NaN = Double.NaN;

    @Test
    void marginIsTheBestCompetitorMinusOwnValue() {
        double[][] a = {{1.0, 0.5}, {2.0, 2.0}};
        double[][] b = {{1.5, 0.7}, {1.0, NaN}};
        double[][] c = {{3.0, 0.6}, {4.0, 3.0}};
        List<double[][]> all = List.of(a, b, c);
        double[][] m = Margins.of(all, 0);
        assertArrayEquals(new double[] {0.5, 0.1}, m[0], 1e-15);
        // Run 1, t = 1: b diverged, so only c counts: 3 − 2.
        assertArrayEquals(new double[] {-1.0, 1.0}, m[1], 1e-15);
        double[][] mb = Margins.of(all, 1);
        assertTrue(Double.isNaN(mb[1][1]), "a diverged run has no margin");
        assertArrayEquals(new double[] {0.5, 1.0}, Margins.winRate(all, 0), 0.0);
        assertArrayEquals(new double[] {0.5, 0.0}, Margins.winRate(all, 1), 0.0);
    }

    @Test
    void winningAgainstOnlyDivergedCompetitorsCountsButHasNoMargin() {
        double[][] a = {{1.0}};
        double[][] b = {{NaN}};
        assertTrue(Double.isNaN(Margins.of(List.of(a, b), 0)[0][0]));
        assertEquals(1.0, Margins.winRate(List.of(a, b), 0)[0], 0.0);
    }

    @Test
    void aTieWithinRoundingCountsForBothButAClearLossDoesNot() {
        double[][] a = {{0.37740000000000001}, {1.0}};
        double[][] b = {{0.37740000000000007}, {1.0 + 1e-9}};
        assertArrayEquals(new double[] {1.0}, Margins.winRate(List.of(a, b), 0), 0.0);
        assertArrayEquals(new double[] {0.5}, Margins.winRate(List.of(a, b), 1), 0.0,
                "b ties on run 0 (a few ulps) but loses run 1 by 1e-9");
    }

    /** The slack is 1e-12 · max(1, |best|): absolute below |best| = 1, relative above, as the docs say. */
    @Test
    void tieSlackIsAbsoluteBelowOneAndRelativeAbove() {
        double[][] best = {{1e-3}, {1e6}};
        double[][] within = {{1e-3 + 0.9e-12}, {1e6 + 0.9e-6}};
        double[][] beyond = {{1e-3 + 1.1e-12}, {1e6 + 1.1e-6}};
        assertArrayEquals(new double[] {1.0}, Margins.winRate(List.of(within, best), 0), 0.0);
        assertArrayEquals(new double[] {0.0}, Margins.winRate(List.of(beyond, best), 0), 0.0);
    }
}
