package org.l2o4j.baselines.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.linesearch.LineSearchResult.Outcome;

class BacktrackingTest {

    @Test
    void halvesUntilSufficientDecrease() {
        // φ(α) = (α − 0.1)², φ(0) = 0.01, φ'(0) = −0.2. Armijo needs φ(α) ≤ 0.01 − 2e-5·α:
        // α = 1 → 0.81, α = ½ → 0.16, α = ¼ → 0.0225 all fail; α = ⅛ → 6.25e-4 passes, on the 4th trial.
        int[] calls = {0};
        LineFunction phi = (a, out) -> {
            calls[0]++;
            out[0] = (a - 0.1) * (a - 0.1);
            out[1] = 2 * (a - 0.1);
        };
        LineSearchResult r = new Backtracking(1e-4, 0.5, 20).search(phi, 0.01, -0.2, 1);
        assertEquals(Outcome.SUFFICIENT_DECREASE, r.outcome());
        assertEquals(0.125, r.step(), 0.0);
        assertEquals(4, r.evaluations());
        assertEquals(4, calls[0]);
    }

    @Test
    void failsAfterItsBudgetWithStepZero() {
        LineFunction phi = (a, out) -> {
            out[0] = 1 + a;
            out[1] = 1;
        };
        LineSearchResult r = new Backtracking(1e-4, 0.5, 6).search(phi, 1, -1, 1);
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(0.0, r.step());
        assertEquals(6, r.evaluations());
    }
}
