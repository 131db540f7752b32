package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/**
 * {@link RecurrentNet.Kernel#linearize} against central finite differences of the network's own step, the readout
 * against the step's output, and {@link Preprocessing#derivative} against finite differences of the preprocessing. The
 * parameters, states and features are random and large enough that every gate is away from saturation and from
 * linearity.
 */
class LinearizationTest {

    private static final double H = 1e-6;

    private static void check(RecurrentSpec spec, long seed) {
        RecurrentNet net = spec.create();
        RandomGenerator rng = Seeds.rng(seed);
        double[] theta = new double[net.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.6 * rng.nextGaussian();
        }
        RecurrentNet.Kernel kernel = net.kernel(theta);
        RecurrentNet.Workspace ws = kernel.newWorkspace();
        int s = net.stateSize();
        int f = spec.preprocessing().features();
        double[] state = new double[s];
        for (int j = 0; j < s; j++) {
            state[j] = 0.7 * rng.nextGaussian();
        }
        double[] x = new double[f];
        for (int k = 0; k < f; k++) {
            x[k] = 0.8 * rng.nextGaussian();
        }
        double[] jRec = new double[s * s];
        double[] jInp = new double[s * f];
        double[] before = state.clone();
        kernel.linearize(x, state, ws, jRec, jInp);
        assertEquals(0.0, maxDifference(before, state), "linearize must not change the state");
        double largest = 0;
        for (int d = 0; d < s + f; d++) {
            double[] sp = state.clone();
            double[] sm = state.clone();
            double[] xp = x.clone();
            double[] xm = x.clone();
            if (d < s) {
                sp[d] += H;
                sm[d] -= H;
            } else {
                xp[d - s] += H;
                xm[d - s] -= H;
            }
            double[] plus = next(kernel, ws, xp, sp);
            double[] minus = next(kernel, ws, xm, sm);
            for (int row = 0; row < s; row++) {
                double numeric = (plus[row] - minus[row]) / (2 * H);
                double analytic = d < s ? jRec[row * s + d] : jInp[row * f + d - s];
                assertEquals(numeric, analytic, 1e-7 * (1 + Math.abs(numeric)), spec.cell() + " row " + row
                        + ", direction " + d);
                largest = Math.max(largest, Math.abs(analytic));
            }
        }
        assertTrue(largest > 0.1, "the check must see real derivatives, largest " + largest);
        double[] update = new double[1];
        double[] after = state.clone();
        kernel.step(x, after, update, 0, 1, ws, null, 0);
        double[] w = kernel.readoutWeights();
        double readout = kernel.readoutBias();
        for (int j = 0; j < s; j++) {
            readout += w[j] * after[j];
        }
        assertEquals(update[0], readout, 1e-12 * (1 + Math.abs(readout)), "the readout is linear in the new state");
    }

    private static double[] next(RecurrentNet.Kernel kernel, RecurrentNet.Workspace ws, double[] x, double[] state) {
        double[] s = state.clone();
        kernel.step(x, s, new double[1], 0, 1, ws, null, 0);
        return s;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    @Test
    void gruJacobiansMatchFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 7, new ScaledGradient(0.5), 0.3), 11);
    }

    @Test
    void twoLayerLstmJacobiansMatchFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 5, LogAndSign.paper(), 0.1), 12);
    }

    @Test
    void threeLayerLstmJacobiansMatchFiniteDifferences() {
        check(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 3, 4, new ScaledGradient(1.0), 1.0), 13);
    }

    @Test
    void preprocessingDerivativesMatchFiniteDifferencesOnEachBranch() {
        Preprocessing[] maps = {new ScaledGradient(-2.5), LogAndSign.paper(), new LogAndSign(5, true)};
        double[] gradients = {0.3, -0.02, 1e-6, -3e-7, 4.0};
        for (Preprocessing map : maps) {
            int f = map.features();
            double[] analytic = new double[f];
            for (double g : gradients) {
                double h = Math.abs(g) * 1e-5;
                double[] plus = new double[f];
                double[] minus = new double[f];
                map.apply(new double[] {g + h}, 0, 1, plus);
                map.apply(new double[] {g - h}, 0, 1, minus);
                map.derivative(g, analytic);
                for (int k = 0; k < f; k++) {
                    double numeric = (plus[k] - minus[k]) / (2 * h);
                    assertEquals(numeric, analytic[k], 1e-6 * (1 + Math.abs(numeric)), map.describe() + " at g = " + g
                            + ", feature " + k);
                }
            }
        }
    }
}
