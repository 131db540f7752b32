package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;

/**
 * The hand-written backward passes against central finite differences of the forward pass, for the parameters and
 * the input features, through several steps of the recurrence. The step h = 1e-5 keeps the differences' truncation
 * error (about h² = 1e-10) and the effect of the activations' rounding (their exponential is accurate to about 1e-13
 * relative, see {@code Dense.exp}, which differences turn into 1e-13/h = 1e-8 at most) both well below the tolerance 1e-6.
 */
class RecurrentNetGradientTest {

    private static final int COORDINATES = 3;
    private static final int STEPS = 4;
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;

    /** Everything one check needs: a net, parameters, per-step features and adjoint weights. */
    private record Case(RecurrentNet net, double[] theta, double[][] features, double[][] weights) {

        static Case of(RecurrentSpec spec, long seed) {
            RecurrentNet net = spec.create();
            RandomGenerator rng = Seeds.rng(seed);
            double[] theta = new double[net.parameterCount()];
            for (int k = 0; k < theta.length; k++) {
                theta[k] = 0.6 * rng.nextGaussian();
            }
            int f = spec.preprocessing().features();
            double[][] features = new double[STEPS][COORDINATES * f];
            double[][] weights = new double[STEPS][COORDINATES];
            for (int t = 0; t < STEPS; t++) {
                for (int k = 0; k < features[t].length; k++) {
                    features[t][k] = rng.nextGaussian();
                }
                for (int n = 0; n < COORDINATES; n++) {
                    weights[t][n] = rng.nextGaussian();
                }
            }
            return new Case(net, theta, features, weights);
        }

        /** L = Σ_t Σ_n w[t][n] · Δθ_t[n] from the initial state. */
        double loss(double[] parameters, double[][] inputs) {
            RecurrentNet.Kernel kernel = net.kernel(parameters);
            RecurrentNet.Workspace ws = kernel.newWorkspace();
            double[] state = new double[COORDINATES * net.stateSize()];
            kernel.resetState(state, 0, COORDINATES);
            double[] update = new double[COORDINATES];
            double sum = 0;
            for (int t = 0; t < STEPS; t++) {
                kernel.step(inputs[t], state, update, 0, COORDINATES, ws, null, t);
                for (int n = 0; n < COORDINATES; n++) {
                    sum += weights[t][n] * update[n];
                }
            }
            return sum;
        }
    }

    private static RecurrentSpec lstm(int layers, int units) {
        return new RecurrentSpec(RecurrentSpec.Cell.LSTM, layers, units, LogAndSign.paper(), 0.7);
    }

    private static RecurrentSpec gru(int units, Preprocessing preprocessing) {
        return new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, units, preprocessing, 1.3);
    }

    @Test
    void lstmGradientsMatchFiniteDifferences() {
        check(Case.of(lstm(2, 3), 11));
        check(Case.of(lstm(3, 2), 12));
        check(Case.of(new RecurrentSpec(RecurrentSpec.Cell.LSTM, 1, 5, new ScaledGradient(2), 0.1), 13));
    }

    @Test
    void gruGradientsMatchFiniteDifferences() {
        check(Case.of(gru(4, new ScaledGradient(1)), 21));
        check(Case.of(gru(3, LogAndSign.paper()), 22));
    }

    private static void check(Case c) {
        RecurrentNet net = c.net();
        RecurrentNet.Kernel kernel = net.kernel(c.theta());
        RecurrentNet.Workspace ws = kernel.newWorkspace();
        RecurrentNet.Tape tape = net.newTape(STEPS, COORDINATES);
        double[] state = new double[COORDINATES * net.stateSize()];
        kernel.resetState(state, 0, COORDINATES);
        double[] update = new double[COORDINATES];
        double loss = 0;
        for (int t = 0; t < STEPS; t++) {
            kernel.step(c.features()[t], state, update, 0, COORDINATES, ws, tape, t);
            for (int n = 0; n < COORDINATES; n++) {
                loss += c.weights()[t][n] * update[n];
            }
        }
        assertEquals(c.loss(c.theta(), c.features()), loss, 0.0, "recording a tape must not change the numbers");
        double[] gradient = new double[net.parameterCount()];
        double[][] featureAdjoint = new double[STEPS][c.features()[0].length];
        kernel.backward(tape, STEPS, c.weights(), true, 0, COORDINATES, ws, gradient, featureAdjoint);

        double scale = 0;
        for (int k = 0; k < gradient.length; k++) {
            double[] plus = c.theta().clone();
            double[] minus = c.theta().clone();
            plus[k] += H;
            minus[k] -= H;
            double numeric = (c.loss(plus, c.features()) - c.loss(minus, c.features())) / (2 * H);
            assertEquals(numeric, gradient[k], TOLERANCE * (1 + Math.abs(numeric)),
                    net.spec().cell() + " parameter " + k);
            scale = Math.max(scale, Math.abs(gradient[k]));
        }
        assertTrue(scale > 1e-2, "the check must exercise non-trivial gradients, largest was " + scale);
        for (int t = 0; t < STEPS; t++) {
            for (int k = 0; k < featureAdjoint[t].length; k++) {
                double[][] plus = deepCopy(c.features());
                double[][] minus = deepCopy(c.features());
                plus[t][k] += H;
                minus[t][k] -= H;
                double numeric = (c.loss(c.theta(), plus) - c.loss(c.theta(), minus)) / (2 * H);
                assertEquals(numeric, featureAdjoint[t][k], TOLERANCE * (1 + Math.abs(numeric)),
                        net.spec().cell() + " feature " + k + " at step " + t);
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Splitting the coordinates into ranges (as threads do) gives the same updates bit for bit, and the gradient of
     * split ranges summed equals the whole range's to rounding (the trainer fixes the split, so its sums are fixed).
     */
    @Test
    void rangesAreIndependent() {
        for (RecurrentSpec spec : new RecurrentSpec[] {lstm(2, 4), gru(5, new ScaledGradient(1))}) {
            Case c = Case.of(spec, 31);
            RecurrentNet net = c.net();
            RecurrentNet.Kernel kernel = net.kernel(c.theta());
            double[] whole = new double[COORDINATES];
            double[] split = new double[COORDINATES];
            double[] s1 = new double[COORDINATES * net.stateSize()];
            double[] s2 = new double[COORDINATES * net.stateSize()];
            kernel.resetState(s1, 0, COORDINATES);
            kernel.resetState(s2, 0, COORDINATES);
            RecurrentNet.Tape t1 = net.newTape(STEPS, COORDINATES);
            RecurrentNet.Tape t2 = net.newTape(STEPS, COORDINATES);
            RecurrentNet.Workspace ws = kernel.newWorkspace();
            for (int t = 0; t < STEPS; t++) {
                kernel.step(c.features()[t], s1, whole, 0, COORDINATES, ws, t1, t);
                kernel.step(c.features()[t], s2, split, 0, 1, kernel.newWorkspace(), t2, t);
                kernel.step(c.features()[t], s2, split, 1, COORDINATES, ws, t2, t);
                assertArrayEquals(whole, split, 0.0);
            }
            assertArrayEquals(s1, s2, 0.0);
            double[] g1 = new double[net.parameterCount()];
            double[] g2 = new double[net.parameterCount()];
            kernel.backward(t1, STEPS, c.weights(), true, 0, COORDINATES, ws, g1, null);
            kernel.backward(t2, STEPS, c.weights(), true, 0, 2, ws, g2, null);
            kernel.backward(t2, STEPS, c.weights(), true, 2, COORDINATES, ws, g2, null);
            assertArrayEquals(g1, g2, 1e-12);
        }
    }

    @Test
    void initializationIsSeededAndDocumented() {
        RecurrentNet lstm = RecurrentSpec.paperLstm().create();
        assertEquals((2 + 20) * 80 + 80 + (20 + 20) * 80 + 80 + 21, lstm.parameterCount());
        assertEquals(80, lstm.stateSize());
        double[] a = lstm.initialParameters(5);
        assertArrayEquals(a, lstm.initialParameters(5), 0.0);
        assertTrue(java.util.Arrays.equals(a, lstm.initialParameters(6)) == false);
        CoordinatewiseLstm l = (CoordinatewiseLstm) lstm;
        for (int layer = 0; layer < 2; layer++) {
            for (int j = 0; j < 80; j++) {
                assertEquals(j >= 20 && j < 40 ? 1.0 : 0.0, a[l.biasOffset(layer) + j], 0.0, "bias " + j);
            }
        }
        RecurrentNet gru = RecurrentSpec.rennGru(8).create();
        double[] b = gru.initialParameters(5);
        assertEquals(3 * 8 + 8 * 16 + 64 + 24 + 8 + 8 + 1, b.length);
        ComponentwiseGru g = (ComponentwiseGru) gru;
        for (int k = g.initialStateOffset() - 24; k < b.length; k++) {
            assertEquals(0.0, b[k], 0.0, "biases, h0 and readout start at zero");
        }
        double[] update = new double[4];
        RecurrentNet.Kernel kernel = gru.kernel(b);
        double[] state = new double[4 * 8];
        kernel.resetState(state, 0, 4);
        kernel.step(new double[] {1, -2, 3, 0.5}, state, update, 0, 4, kernel.newWorkspace(), null, 0);
        assertArrayEquals(new double[4], update, 0.0, "the zero readout makes no step");
    }

    @Test
    void misuseIsReportedClearly() {
        RecurrentNet lstm = lstm(2, 3).create();
        RecurrentNet other = lstm(2, 3).create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lstm.kernel(new double[3]));
        assertTrue(e.getMessage().contains("parameters has 3 entries, the network needs"), e.getMessage());
        double[] theta = lstm.initialParameters(1);
        theta[4] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> lstm.kernel(theta));
        assertEquals("parameters[4] = NaN is not finite", e.getMessage());
        RecurrentNet.Kernel kernel = lstm.kernel(lstm.initialParameters(1));
        RecurrentNet.Tape foreign = other.newTape(2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> kernel.step(new double[4], new double[2 * 12],
                new double[2], 0, 2, kernel.newWorkspace(), foreign, 0));
        assertTrue(e.getMessage().contains("tape was not made by this LSTM"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kernel.step(new double[4], new double[12],
                new double[2], 0, 2, kernel.newWorkspace(), null, 0));
        assertTrue(e.getMessage().contains("does not fit state of 1 coordinates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentSpec(RecurrentSpec.Cell.GRU, 2, 4, new ScaledGradient(1), 1));
        assertTrue(e.getMessage().contains("exactly one layer"), e.getMessage());
    }
}
