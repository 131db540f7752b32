package org.l2o4j.baselines.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.linesearch.LineSearchResult.Outcome;

class StrongWolfeTest {

    private static final double C1 = 1e-4;

    /** φ(α) = ½q(α − m)² + A·sin(ωα + θ): smooth, bounded below, with local minima when Aω² &gt; q. */
    private record Bumpy(double q, double m, double amplitude, double omega, double phase) implements LineFunction {
        static Bumpy random(Random random) {
            return new Bumpy(0.1 + 10 * random.nextDouble(), 0.2 + 5 * random.nextDouble(), random.nextDouble(),
                    0.5 + 5 * random.nextDouble(), 2 * Math.PI * random.nextDouble());
        }

        @Override
        public void evaluate(double step, double[] out) {
            out[0] = 0.5 * q * (step - m) * (step - m) + amplitude * Math.sin(omega * step + phase);
            out[1] = q * (step - m) + amplitude * omega * Math.cos(omega * step + phase);
        }
    }

    /** Counts evaluations and remembers the last step evaluated. */
    private static final class Recording implements LineFunction {
        final LineFunction inner;
        int calls;
        double lastStep = Double.NaN;

        Recording(LineFunction inner) {
            this.inner = inner;
        }

        @Override
        public void evaluate(double step, double[] out) {
            calls++;
            lastStep = step;
            inner.evaluate(step, out);
        }
    }

    @Test
    void strongWolfeConditionsHoldAtTheReturnedStepOnRandomSmoothFunctions() {
        Random random = new Random(20240607);
        double[] c2s = {0.1, 0.9};
        int checked = 0;
        double[] at0 = new double[2];
        while (checked < 1000) {
            Bumpy phi = Bumpy.random(random);
            phi.evaluate(0, at0);
            if (!(at0[1] < 0)) {
                continue;
            }
            double c2 = c2s[checked % 2];
            double initialStep = Math.pow(10, -2 + 3 * random.nextDouble());
            Recording recording = new Recording(phi);
            LineSearchResult r = new StrongWolfe(C1, c2, 30).search(recording, at0[0], at0[1], initialStep);
            String what = phi + ", c2=" + c2 + ", α0=" + initialStep + " → " + r;
            assertEquals(Outcome.STRONG_WOLFE, r.outcome(), what);
            assertTrue(r.value() <= at0[0] + C1 * r.step() * at0[1], "sufficient decrease: " + what);
            assertTrue(Math.abs(r.slope()) <= c2 * Math.abs(at0[1]), "curvature: " + what);
            double[] check = new double[2];
            phi.evaluate(r.step(), check);
            assertEquals(check[0], r.value(), 0.0, what);
            assertEquals(check[1], r.slope(), 0.0, what);
            assertEquals(recording.calls, r.evaluations(), "reported evaluations: " + what);
            assertEquals(r.step(), recording.lastStep, 0.0, "the last evaluation is at the returned step: " + what);
            checked++;
        }
    }

    @Test
    void aQuadraticBracketIsResolvedByOneCubicStep() {
        // φ(α) = (α − 3)², from α0 = 10: the first trial overshoots (no decrease), the cubic lands on 3 exactly.
        Recording phi = new Recording((a, out) -> {
            out[0] = (a - 3) * (a - 3);
            out[1] = 2 * (a - 3);
        });
        LineSearchResult r = new StrongWolfe(C1, 0.1, 20).search(phi, 9, -6, 10);
        assertEquals(Outcome.STRONG_WOLFE, r.outcome());
        assertEquals(3.0, r.step(), 1e-12);
        assertEquals(2, r.evaluations());
    }

    @Test
    void aShortFirstStepIsExpandedUntilTheMinimumIsBracketed() {
        Recording phi = new Recording((a, out) -> {
            out[0] = (a - 100) * (a - 100);
            out[1] = 2 * (a - 100);
        });
        LineSearchResult r = new StrongWolfe(C1, 0.1, 20).search(phi, 10000, -200, 1);
        assertEquals(Outcome.STRONG_WOLFE, r.outcome());
        assertTrue(Math.abs(r.slope()) <= 0.1 * 200, r.toString());
        assertEquals(r.evaluations(), phi.calls);
    }

    @Test
    void withNoPossibleDecreaseTheSearchFailsWithinItsBudgetAndReturnsStepZero() {
        // At a minimizer in floating point the gradient is rounding noise: its slope promises a decrease that no step
        // delivers. Every trial (1, ½, ¼, …) gives a larger value, and the budget runs out before the steps are
        // small enough for f to round back to f(0).
        Recording phi = new Recording((a, out) -> {
            out[0] = 1.0 + a;
            out[1] = 1.0;
        });
        LineSearchResult r = new StrongWolfe(C1, 0.9, 12).search(phi, 1.0, -1e-300, 1);
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(0.0, r.step());
        assertEquals(phi.calls, r.evaluations());
        assertTrue(r.evaluations() <= 12);
    }

    @Test
    void whenTheBudgetRunsOutTheBestDecreaseIsReturnedAndEvaluatedLast() {
        // φ decreases up to α = 1000 while its slope stays steep: the bracketing phase never meets the curvature
        // condition within 5 evaluations, so the search settles for sufficient decrease.
        Recording phi = new Recording((a, out) -> {
            out[0] = -a;
            out[1] = -1;
        });
        LineSearchResult r = new StrongWolfe(C1, 0.9, 5).search(phi, 0, -1, 1);
        assertEquals(Outcome.SUFFICIENT_DECREASE, r.outcome());
        assertTrue(r.evaluations() <= 5);
        assertEquals(r.step(), phi.lastStep, 0.0);
        assertEquals(-r.step(), r.value(), 0.0);

        // A narrow well: after a few trials the bracket [lo > 0, hi] has not met the curvature condition; the search
        // returns lo, re-evaluating it if needed, without exceeding its budget.
        for (int budget = 1; budget <= 8; budget++) {
            Recording well = new Recording((a, out) -> {
                out[0] = -Math.exp(-1e4 * (a - 0.7) * (a - 0.7)) - 1e-3 * a;
                out[1] = 2e4 * (a - 0.7) * Math.exp(-1e4 * (a - 0.7) * (a - 0.7)) - 1e-3;
            });
            double[] at0 = new double[2];
            well.inner.evaluate(0, at0);
            LineSearchResult w = new StrongWolfe(C1, 0.01, budget).search(well, at0[0], at0[1], 0.1);
            assertTrue(w.evaluations() <= budget, "budget " + budget + ": " + w);
            assertEquals(well.calls, w.evaluations());
            if (w.accepted()) {
                assertEquals(w.step(), well.lastStep, 0.0, "budget " + budget + ": " + w);
                assertTrue(w.value() <= at0[0] + C1 * w.step() * at0[1]);
            }
        }
    }

    /**
     * The budget is a hard limit whatever path the search takes. The dangerous path: zoom's lo was the last step
     * evaluated (for instance a first trial with sufficient decrease but a positive slope), and the next trial becomes
     * hi, so lo must be evaluated again to be returned; that evaluation must still fit in the budget.
     */
    @Test
    void neverEvaluatesMoreThanItsBudget() {
        Random random = new Random(77);
        double[] at0 = new double[2];
        double[] atFirstTrial = new double[2];
        int firstTrialStartsZoom = 0;
        int searches = 0;
        while (searches < 4000) {
            Bumpy phi = Bumpy.random(random);
            phi.evaluate(0, at0);
            if (!(at0[1] < 0)) {
                continue;
            }
            double initialStep = Math.pow(10, -2 + 3 * random.nextDouble());
            phi.evaluate(initialStep, atFirstTrial);
            if (atFirstTrial[1] > 0 && atFirstTrial[0] <= at0[0] + C1 * initialStep * at0[1]) {
                firstTrialStartsZoom++;
            }
            for (int budget = 1; budget <= 20; budget++) {
                Recording recording = new Recording(phi);
                LineSearchResult r = new StrongWolfe(C1, searches % 2 == 0 ? 0.1 : 0.9, budget)
                        .search(recording, at0[0], at0[1], initialStep);
                String what = phi + ", α0=" + initialStep + ", budget " + budget + " → " + r;
                assertTrue(recording.calls <= budget, recording.calls + " evaluations: " + what);
                assertEquals(recording.calls, r.evaluations(), "reported evaluations: " + what);
                if (r.accepted()) {
                    assertEquals(r.step(), recording.lastStep, 0.0, "the last evaluation is at the step: " + what);
                }
            }
            searches++;
        }
        assertTrue(firstTrialStartsZoom > 400, "too few searches start zoom at their first trial: "
                + firstTrialStartsZoom);
    }

    @Test
    void rejectsAnAscentDirectionAndBadConstants() {
        StrongWolfe search = new StrongWolfe(C1, 0.9, 10);
        LineFunction phi = (a, out) -> {
            out[0] = a;
            out[1] = 1;
        };
        assertThrows(IllegalArgumentException.class, () -> search.search(phi, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> search.search(phi, 0, -1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StrongWolfe(0.5, 0.1, 10));
        assertTrue(e.getMessage().contains("c2") && e.getMessage().contains("0.1"), e.getMessage());
    }
}
