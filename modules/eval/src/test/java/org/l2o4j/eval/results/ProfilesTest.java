package org.l2o4j.eval.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * Profiles by hand. Three runs, f* = 0, f(x_0) = 1 everywhere, so the test at τ = 0.1 is f ≤ 0.1. Method A solves the
 * runs after 2, 4 and never evaluations; B after 4, 2 and 8, with one Hessian (d = 3) on top in the last run. Costs:
 * A (2, 4, ∞), B (4, 2, 8 + 3 = 11). Ratios to the cheapest: A (1, 2, ∞), B (2, 1, 1).
 */
class ProfilesTest {

    private static final long[][] VALUES = {{1, 2, 4, 8}, {1, 2, 4, 8}, {1, 2, 4, 8}};

    private final RolloutResult a = RecordedRuns.of(new double[][] {{1, 0.1, 0, 0}, {1, 0.5, 0.05, 0}, {1, 1, 1, Double.NaN}},
            VALUES, new long[3][4]);
    private final RolloutResult b = RecordedRuns.of(new double[][] {{1, 0.5, 0.09, 0}, {1, 0.1, 0, 0}, {1, 0.5, 0.2, 0.1}},
            VALUES, new long[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 1}});
    private final int[] runProblem = {0, 1, 2};
    private final double[] best = {0, 0, 0};

    @Test
    void costsCountEvaluationsUntilTheConvergenceTestAndAHessianAsD() {
        double[][] cost = Profiles.costs(List.of(a, b), runProblem, best, 0.1, 3);
        assertArrayEquals(new double[] {2, 4, Double.POSITIVE_INFINITY}, cost[0]);
        assertArrayEquals(new double[] {4, 2, 11}, cost[1]);
    }

    @Test
    void performanceProfileIsTheDistributionOfRatiosToTheCheapest() {
        List<Profiles.Curve> p = Profiles.performance(List.of("A", "B"), new double[][] {{2, 4, Double.POSITIVE_INFINITY},
            {4, 2, 11}});
        // A: ratio 1 on one run of three, 2 on another, never on the third; the axis runs to twice the largest ratio.
        assertArrayEquals(new double[] {1, 2, 4}, p.get(0).x());
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 2 / 3.0}, p.get(0).fraction(), 1e-15);
        assertArrayEquals(new double[] {1, 2, 4}, p.get(1).x());
        assertArrayEquals(new double[] {2 / 3.0, 1, 1}, p.get(1).fraction(), 1e-15);
    }

    @Test
    void dataProfileIsTheDistributionOfCostsUpToTheBudget() {
        List<Profiles.Curve> d = Profiles.data(List.of("A", "B"), new double[][] {{2, 4, Double.POSITIVE_INFINITY},
            {4, 2, 11}}, 12);
        assertArrayEquals(new double[] {0, 2, 4, 12}, d.get(0).x());
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0}, d.get(0).fraction(), 1e-15);
        assertArrayEquals(new double[] {0, 2, 4, 11, 12}, d.get(1).x());
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 1, 1}, d.get(1).fraction(), 1e-15);
    }

    @Test
    void everyToleranceIsReportedWithTheLargestSpendAsBudget() {
        List<Profiles.AtTolerance> all = Profiles.of(List.of("A", "B"), List.of(a, b), runProblem, best, 3);
        assertEquals(Profiles.TOLERANCES, all.stream().map(Profiles.AtTolerance::tolerance).toList());
        double[] data = all.get(0).data().get(0).x();
        assertEquals(11, data[data.length - 1], 0.0, "B spent 8 evaluations and one Hessian of d = 3");
        // At τ = 1e-3 only exact zeros pass: A at 4 and 8 evaluations on runs 0 and 1, B at 8 and 4.
        assertArrayEquals(new double[] {0, 4, 8, 11}, all.get(1).data().get(0).x());
    }
}
