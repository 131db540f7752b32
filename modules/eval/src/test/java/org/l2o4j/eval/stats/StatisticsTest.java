package org.l2o4j.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

class StatisticsTest {

    /** NumPy's np.quantile([1, 2, 3, 4], [0, .25, .5, .75, 1]) = [1, 1.75, 2.5, 3.25, 4]; NaN is left out. */
    @Test
    void quantilesInterpolateLikeNumpy() {
        double[] v = {4, Double.NaN, 2, 1, 3};
        assertEquals(1, Statistics.quantile(v, 0), 0.0);
        assertEquals(1.75, Statistics.quantile(v, 0.25), 1e-15);
        assertEquals(2.5, Statistics.quantile(v, 0.5), 1e-15);
        assertEquals(3.25, Statistics.quantile(v, 0.75), 1e-15);
        assertEquals(4, Statistics.quantile(v, 1), 0.0);
        assertTrue(Double.isNaN(Statistics.quantile(new double[] {Double.NaN}, 0.5)));
    }

    @Test
    void meanIntervalMatchesTheStudentTFormulaByHand() {
        // n = 4, mean 2.5, s² = 5/3, se = √(5/12); t_{3, 0.975} = 3.182446305284263.
        Interval i = Statistics.mean(new double[] {1, 2, 3, 4, Double.NaN}, 0.95);
        double half = 3.182446305284263 * Math.sqrt(5.0 / 12.0);
        assertEquals(2.5, i.estimate(), 1e-15);
        assertEquals(2.5 - half, i.low(), 1e-12);
        assertEquals(2.5 + half, i.high(), 1e-12);
        assertEquals(4, i.count(), "the NaN (a diverged run) is excluded and not counted");
    }

    @Test
    void medianIntervalUsesTheBinomialOrderStatistics() {
        // n = 10 at 95 %: P(Bin(10, ½) ≤ 1) = 11/1024 ≤ 0.025 < P(≤ 2) = 56/1024, so j = 2: [x_(2), x_(9)].
        double[] v = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        Interval i = Statistics.median(v, 0.95);
        assertEquals(5.5, i.estimate(), 0.0);
        assertEquals(2, i.low(), 0.0);
        assertEquals(9, i.high(), 0.0);
        Interval few = Statistics.median(new double[] {3, 1, 2}, 0.95);
        assertEquals(2, few.estimate(), 0.0);
        assertEquals(1, few.low(), 0.0);
        assertEquals(3, few.high(), 0.0);
    }

    @Test
    void intervalsCoverTheTrueValueAtTheirLevelStatistically() {
        // 2000 samples of n = 30 standard normals: coverage of 0.95 has standard error √(.95·.05/2000) ≈ 0.0049;
        // the median interval is conservative (coverage ≥ 0.95 by construction, 0.957 for n = 30).
        RandomGenerator rng = Seeds.rng(11);
        int meanHits = 0;
        int medianHits = 0;
        int trials = 2000;
        for (int k = 0; k < trials; k++) {
            double[] x = Seeds.gaussian(rng, 30);
            Interval m = Statistics.mean(x, 0.95);
            Interval med = Statistics.median(x, 0.95);
            meanHits += m.low() <= 0 && 0 <= m.high() ? 1 : 0;
            medianHits += med.low() <= 0 && 0 <= med.high() ? 1 : 0;
        }
        assertEquals(0.95, (double) meanHits / trials, 0.02);
        assertTrue((double) medianHits / trials >= 0.93, "median coverage " + (double) medianHits / trials);
    }

    @Test
    void emptyInputGivesAnEmptyInterval() {
        assertEquals(0, Statistics.mean(new double[] {Double.NaN}, 0.95).count());
        assertTrue(Double.isNaN(Statistics.median(new double[0], 0.95).estimate()));
        assertEquals(1, Arrays.stream(Statistics.finite(new double[] {1, Double.POSITIVE_INFINITY})).count());
    }
}
