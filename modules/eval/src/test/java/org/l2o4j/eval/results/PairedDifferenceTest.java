package org.l2o4j.eval.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * Paired differences by hand: 3 functions, 2 restarts each, two steps. At t = 1 the per-function differences (restarts
 * averaged first) are 1, 2, 3: mean 2 ± t_{2, 0.975} · 1/√3 = 2 ± 4.302653 · 0.577350; at t = 0 they are all 0; a
 * diverged restart (NaN) leaves its function's other restart, and a function diverged on both is left out.
 */
class PairedDifferenceTest {

    @Test
    void meanAndStudentIntervalOverFunctionsWithRestartsAveragedFirst() {
        int[] runProblem = {0, 0, 1, 1, 2, 2};
        RolloutResult reference = RecordedRuns.of(new double[][] {{5, 2}, {5, 2}, {5, 3}, {5, Double.NaN}, {5, 4}, {5, 4}});
        RolloutResult other = RecordedRuns.of(new double[][] {{5, 1}, {5, 1}, {5, 1}, {5, 1}, {5, 1}, {5, 1}});
        PairedDifference d = PairedDifference.of(List.of("ref", "other"), List.of(reference, other), runProblem)
                .get(0);
        assertEquals("ref", d.reference());
        assertEquals("other", d.against());
        assertEquals(0, d.mean()[0], 0.0);
        assertEquals(2, d.mean()[1], 1e-15);
        double half = 4.302652729749464 / Math.sqrt(3);
        assertEquals(2 - half, d.low()[1], 1e-12);
        assertEquals(2 + half, d.high()[1], 1e-12);
        assertEquals(3, d.count()[1]);
        RolloutResult allDiverged = RecordedRuns.of(new double[][] {{5, 2}, {5, 2}, {5, Double.NaN}, {5, Double.NaN},
            {5, 4}, {5, 4}});
        assertEquals(2, PairedDifference.of(List.of("ref", "other"), List.of(allDiverged, other), runProblem).get(0)
                .count()[1]);
    }
}
