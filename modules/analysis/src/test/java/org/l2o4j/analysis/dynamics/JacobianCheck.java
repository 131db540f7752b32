package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * A cell's J_rec and J_inp against central finite differences of its own step, at a random state near its initial
 * one: steps of 1e-6 in the state, and in g 1e-6 relative (at least 1e-8, so that a preprocessing's branch is not
 * crossed), relative tolerance 1e-6.
 */
public final class JacobianCheck {

    private JacobianCheck() {
    }

    /** Asserts the match at {@code gradient} and that some derivative exceeds {@code smallest} in size. */
    public static void assertMatches(RecurrentCell cell, double gradient, double smallest) {
        int s = cell.stateSize();
        RandomGenerator rng = Seeds.rng(77);
        double[] h = cell.initialState();
        for (int j = 0; j < s; j++) {
            h[j] += 0.4 * rng.nextGaussian();
        }
        double[] jRec = new double[s * s];
        double[] jInp = new double[s];
        cell.linearize(h, gradient, jRec, jInp);
        double[] plus = new double[s];
        double[] minus = new double[s];
        double largest = 0;
        for (int d = 0; d <= s; d++) {
            double[] hp = h.clone();
            double[] hm = h.clone();
            double width = d < s ? 1e-6 : Math.max(Math.abs(gradient) * 1e-6, 1e-8);
            double gp = gradient;
            double gm = gradient;
            if (d < s) {
                hp[d] += width;
                hm[d] -= width;
            } else {
                gp += width;
                gm -= width;
            }
            cell.step(hp, gp, plus);
            cell.step(hm, gm, minus);
            for (int row = 0; row < s; row++) {
                double numeric = (plus[row] - minus[row]) / (2 * width);
                double analytic = d < s ? jRec[row * s + d] : jInp[row];
                assertEquals(numeric, analytic, 1e-6 * (1 + Math.abs(numeric)), "row " + row + ", direction " + d);
                largest = Math.max(largest, Math.abs(analytic));
            }
        }
        assertTrue(largest > smallest, "the check must see real derivatives, largest " + largest);
    }
}
