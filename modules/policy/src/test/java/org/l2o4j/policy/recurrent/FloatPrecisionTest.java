package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The single-precision kernels ({@link FloatLstm}, {@link FloatGru}) against the double reference with the same
 * parameters, and their reproducibility. Ranges start and end inside blocks, so the partial blocks run too.
 *
 * <p><b>Tolerances.</b> One step, from the same (float-representable) state and features: Δθ = scale · (b_out +
 * Σ_j w_out[j] h_j) with |h_j| ≤ 1, so its rounding is measured in units of R = scale · (|b_out| + Σ_j |w_out[j]|)
 * · 2^-24, single precision's rounding of the largest update the readout can give. Each h_j carries the few ulps of
 * its gates (sums of 2 to 128 rounded products, damped by σ' ≤ 1/4 and tanh' ≤ 1) and the readout's sum adds its
 * own; with random signs these mostly cancel, and the bound is {@value #UPDATE_UNITS} units (measured at most 1.5
 * on these networks). The new state: within {@value #STATE_ULPS} ulps of 1 + |s| (measured at most 7.8, the GRU of
 * 64 units, whose candidate sums 64 products). The parameter gradient of an unroll, each kernel on its own
 * trajectory through 5 steps forward and back: within {@value #GRADIENT_RELATIVE} of the double gradient's max norm
 * (measured at most 1.4e-6): the 6e-8 of single precision grown by the recurrence and by the sums over coordinates
 * and steps, which the kernel keeps in double beyond 16 coordinates.
 */
class FloatPrecisionTest {

    private static final double ULP = Math.scalb(1.0, -24);
    private static final int UPDATE_UNITS = 8;
    private static final int STATE_ULPS = 32;
    private static final double GRADIENT_RELATIVE = 1e-5;

    private static final RecurrentSpec[] SPECS = {
        RecurrentSpec.paperLstm().withPrecision(Precision.FLOAT),
        new RecurrentSpec(RecurrentSpec.Cell.LSTM, 3, 5, new ScaledGradient(1.0), 0.3, Precision.FLOAT),
        new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 13, new LogAndSign(5, true), 0.1, Precision.FLOAT),
        RecurrentSpec.rennGru(RecurrentSpec.RENN_TUTORIAL_GRU_UNITS).withPrecision(Precision.FLOAT),
        new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 7, new ScaledGradient(0.5), 0.3, Precision.FLOAT),
    };

    @Test
    void aStepAgreesWithDoubleWithinSinglePrecisionRounding() {
        for (int s = 0; s < SPECS.length; s++) {
            RecurrentSpec spec = SPECS[s];
            Pair p = Pair.of(spec, 100 + s);
            int coordinates = 53;
            int from = 3;
            int to = 50;
            Random rng = new Random(200 + s);
            double[] state = new double[coordinates * p.net.stateSize()];
            p.single.resetState(state, 0, coordinates);
            double worstUpdate = 0;
            double worstState = 0;
            for (int t = 0; t < 6; t++) {
                double[] featureValues = features(spec, coordinates, from, to, rng);
                double[] doubleState = state.clone();
                double[] singleState = state.clone();
                double[] doubleUpdate = new double[coordinates];
                double[] singleUpdate = new double[coordinates];
                p.reference.step(featureValues, doubleState, doubleUpdate, from, to, p.reference.newWorkspace(), null,
                        0);
                p.single.step(featureValues, singleState, singleUpdate, from, to, p.single.newWorkspace(), null, 0);
                double unit = p.readoutMagnitude() * ULP;
                for (int n = from; n < to; n++) {
                    worstUpdate = Math.max(worstUpdate, Math.abs(singleUpdate[n] - doubleUpdate[n]) / unit);
                }
                for (int k = from * p.net.stateSize(); k < to * p.net.stateSize(); k++) {
                    assertEquals((float) singleState[k], singleState[k], 0.0, "the state holds floats");
                    worstState = Math.max(worstState, Math.abs(singleState[k] - doubleState[k])
                            / ((1 + Math.abs(doubleState[k])) * ULP));
                }
                for (int n = 0; n < coordinates; n++) {
                    if (n < from || n >= to) {
                        assertEquals(0.0, singleUpdate[n], "coordinate " + n + " is outside the range");
                    }
                }
                // The next step starts both from the float state, so each step's rounding is measured alone.
                state = singleState;
            }
            assertTrue(worstUpdate <= UPDATE_UNITS, spec + ": updates " + worstUpdate + " units apart");
            assertTrue(worstState <= STATE_ULPS, spec + ": states " + worstState + " ulps apart");
        }
    }

    @Test
    void theUnrollsGradientAgreesWithDouble() {
        for (int s = 0; s < SPECS.length; s++) {
            RecurrentSpec spec = SPECS[s];
            Pair p = Pair.of(spec, 300 + s);
            double[] single = p.gradient(p.single, 300 + s, 5, 53, 3, 50);
            double[] reference = p.gradient(p.reference, 300 + s, 5, 53, 3, 50);
            double norm = 0;
            double difference = 0;
            for (int k = 0; k < single.length; k++) {
                norm = Math.max(norm, Math.abs(reference[k]));
                difference = Math.max(difference, Math.abs(single[k] - reference[k]));
            }
            assertTrue(difference <= GRADIENT_RELATIVE * norm, spec + ": gradients differ by " + difference / norm);
        }
    }

    /**
     * The float kernel's gradient is the derivative of the float kernel's loss: central differences along a random
     * unit direction with h = 1e-2, within 1e-4 of the gradient's norm (measured at most 6e-6): the truncation is of
     * order h² times the third derivative, and the loss's rounding (a few 2^-24 of its terms) becomes about 1e-5 of
     * them once divided by 2h; double's finite-difference check (RecurrentNetGradientTest) needs steps of 1e-5 that
     * single precision's rounding would drown.
     */
    @Test
    void theFloatGradientMatchesFiniteDifferencesOfTheFloatLoss() {
        for (int s = 0; s < SPECS.length; s++) {
            RecurrentSpec spec = SPECS[s];
            Pair p = Pair.of(spec, 400 + s);
            double[] gradient = p.gradient(p.single, 400 + s, 4, 37, 5, 34);
            Random rng = new Random(500 + s);
            double[] direction = new double[gradient.length];
            double gradientNorm = 0;
            double projected = 0;
            for (int k = 0; k < direction.length; k++) {
                direction[k] = rng.nextGaussian();
                gradientNorm += gradient[k] * gradient[k];
            }
            double directionNorm = 0;
            for (double d : direction) {
                directionNorm += d * d;
            }
            directionNorm = Math.sqrt(directionNorm);
            for (int k = 0; k < direction.length; k++) {
                direction[k] /= directionNorm;
                projected += gradient[k] * direction[k];
            }
            double h = 1e-2;
            double plus = p.loss(shifted(p.theta, direction, h), 400 + s, 4, 37, 5, 34);
            double minus = p.loss(shifted(p.theta, direction, -h), 400 + s, 4, 37, 5, 34);
            double difference = (plus - minus) / (2 * h);
            assertEquals(difference, projected, 1e-4 * Math.sqrt(gradientNorm), spec.toString());
        }
    }

    /** The same inputs give the same bits, however the range is cut into calls and on fresh or used workspaces. */
    @Test
    void resultsAreReproducibleAndIndependentOfHowTheRangeIsCut() {
        for (int s = 0; s < SPECS.length; s++) {
            RecurrentSpec spec = SPECS[s];
            Pair p = Pair.of(spec, 600 + s);
            Random rng = new Random(700 + s);
            int coordinates = 45;
            double[] whole = new double[coordinates * p.net.stateSize()];
            p.single.resetState(whole, 0, coordinates);
            double[] cut = whole.clone();
            RecurrentNet.Workspace workspace = p.single.newWorkspace();
            for (int t = 0; t < 4; t++) {
                double[] featureValues = features(spec, coordinates, 0, coordinates, rng);
                double[] wholeUpdate = new double[coordinates];
                double[] cutUpdate = new double[coordinates];
                p.single.step(featureValues, whole, wholeUpdate, 0, coordinates, workspace, null, 0);
                for (int[] range : new int[][] {{0, 5}, {5, 21}, {21, 22}, {22, 45}}) {
                    p.single.step(featureValues, cut, cutUpdate, range[0], range[1], p.single.newWorkspace(), null,
                            0);
                }
                assertArrayEquals(bits(wholeUpdate), bits(cutUpdate), spec + " update at step " + t);
                assertArrayEquals(bits(whole), bits(cut), spec + " state at step " + t);
            }
            double[] first = p.gradient(p.single, 800 + s, 3, 45, 2, 43, p.single.newWorkspace());
            RecurrentNet.Workspace used = p.single.newWorkspace();
            p.gradient(p.single, 900 + s, 5, 45, 0, 45, used);
            double[] second = p.gradient(p.single, 800 + s, 3, 45, 2, 43, used);
            assertArrayEquals(bits(first), bits(second), spec + " gradient on a workspace used for longer unrolls");
        }
    }

    /**
     * The states the float kernel keeps ({@link RecurrentNet.Kernel#newStates}: floats in blocks of
     * {@link FloatCells#LANES} coordinates for the LSTM) step as the preprocessing and the float kernel's step on the
     * caller's double layout do, to the bit (see {@link VectorCellsTest#assertKeptStatesStepAs}).
     */
    @Test
    void keptStatesStepAsTheFloatKernelOnTheCallersLayout() {
        for (int s = 0; s < SPECS.length; s++) {
            Pair p = Pair.of(SPECS[s], 1000 + s);
            VectorCellsTest.assertKeptStatesStepAs(p.single, p.single, new Random(1100 + s));
        }
    }

    @Test
    void aFloatSpecSurvivesItsCheckpointAndADoubleOneStaysDouble() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("float-checkpoint");
        for (RecurrentSpec spec : new RecurrentSpec[] {SPECS[0], SPECS[3]}) {
            RecurrentNet net = spec.create();
            double[] theta = net.initialParameters(5);
            java.nio.file.Path file = dir.resolve(spec.cell().label() + ".json");
            new RecurrentCheckpoint(spec, theta, null, null).save(file);
            RecurrentCheckpoint loaded = RecurrentCheckpoint.load(file);
            assertEquals(Precision.FLOAT, loaded.spec().precision());
            assertEquals(spec, loaded.spec());
            assertEquals("float", RecurrentLearnedOptimizer.of(loaded, java.util.Map.of()).hyperparameters()
                    .get("precision"));
            new RecurrentCheckpoint(spec.withPrecision(Precision.DOUBLE), theta, null, null).save(file);
            assertEquals(Precision.DOUBLE, RecurrentCheckpoint.load(file).spec().precision());
            String text = java.nio.file.Files.readString(file).replace("\"precision\" : \"double\",", "");
            java.nio.file.Files.writeString(file, text);
            assertEquals(Precision.DOUBLE, RecurrentCheckpoint.load(file).spec().precision(),
                    "a file written before the field holds a double network");
            java.nio.file.Files.writeString(file, text.replace("\"outputScale\"", "\"precision\" : \"half\",\n"
                    + "  \"outputScale\""));
            Exception e = assertThrows(org.l2o4j.policy.CheckpointException.class,
                    () -> RecurrentCheckpoint.load(file));
            assertTrue(e.getMessage().contains("field 'precision' is \"half\"; expected one of [double, float]"),
                    e.getMessage());
        }
    }

    @Test
    void aTapeOrWorkspaceOfTheOtherPrecisionIsRefused() {
        RecurrentNet single = SPECS[0].create();
        RecurrentNet reference = RecurrentSpec.paperLstm().create();
        RecurrentNet.Kernel kernel = single.kernel(single.initialParameters(1));
        RecurrentNet.Tape doubleTape = reference.newTape(2, 3);
        double[][] adjoint = new double[2][3];
        assertThrows(IllegalArgumentException.class, () -> kernel.backward(doubleTape, 2, adjoint, false, 0, 3,
                kernel.newWorkspace(), new double[single.parameterCount()], null));
        assertThrows(IllegalArgumentException.class, () -> kernel.step(new double[6], new double[3 * 80],
                new double[3], 0, 3, reference.kernel(reference.initialParameters(1)).newWorkspace(), null, 0));
    }

    /** The same parameters as a float kernel and as the double reference. */
    private record Pair(RecurrentNet net, double[] theta, RecurrentNet.Kernel single, RecurrentNet.Kernel reference) {

        static Pair of(RecurrentSpec spec, long seed) {
            RecurrentNet net = spec.withPrecision(Precision.FLOAT).create();
            Random rng = new Random(seed);
            double[] theta = net.initialParameters(seed);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += 0.3 * rng.nextGaussian();
            }
            RecurrentNet reference = spec.withPrecision(Precision.DOUBLE).create();
            return new Pair(net, theta, net.kernel(theta), reference.kernel(theta));
        }

        /** scale · (|b_out| + Σ_j |w_out[j]|): the largest update the readout can give for |h| ≤ 1. */
        double readoutMagnitude() {
            double sum = Math.abs(reference.readoutBias());
            for (double w : reference.readoutWeights()) {
                sum += Math.abs(w);
            }
            return sum;
        }

        /** ∂L/∂φ of L = Σ_t Σ_n a[t][n] Δθ_t[n] over an unroll from the initial state, on {@code kernel}. */
        double[] gradient(RecurrentNet.Kernel kernel, long seed, int steps, int coordinates, int from, int to) {
            return gradient(kernel, seed, steps, coordinates, from, to, kernel.newWorkspace());
        }

        double[] gradient(RecurrentNet.Kernel kernel, long seed, int steps, int coordinates, int from, int to,
                RecurrentNet.Workspace workspace) {
            RecurrentNet owner = kernel.net();
            RecurrentNet.Tape tape = owner.newTape(steps, coordinates);
            run(kernel, seed, steps, coordinates, from, to, tape, workspace);
            double[] gradient = new double[owner.parameterCount()];
            kernel.backward(tape, steps, adjoint(seed, steps, coordinates), true, from, to, workspace, gradient,
                    null);
            return gradient;
        }

        /** L itself on the float kernel of {@code parameters}. */
        double loss(double[] parameters, long seed, int steps, int coordinates, int from, int to) {
            RecurrentNet.Kernel kernel = net.kernel(parameters);
            double[][] updates = run(kernel, seed, steps, coordinates, from, to, null, kernel.newWorkspace());
            double[][] adjoint = adjoint(seed, steps, coordinates);
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                for (int n = from; n < to; n++) {
                    sum += adjoint[t][n] * updates[t][n];
                }
            }
            return sum;
        }

        private double[][] run(RecurrentNet.Kernel kernel, long seed, int steps, int coordinates, int from, int to,
                RecurrentNet.Tape tape, RecurrentNet.Workspace workspace) {
            RecurrentSpec spec = kernel.net().spec();
            Random rng = new Random(seed);
            double[] state = new double[coordinates * kernel.net().stateSize()];
            kernel.resetState(state, 0, coordinates);
            double[][] updates = new double[steps][coordinates];
            for (int t = 0; t < steps; t++) {
                kernel.step(features(spec, coordinates, from, to, rng), state, updates[t], from, to, workspace, tape,
                        t);
            }
            return updates;
        }

        private static double[][] adjoint(long seed, int steps, int coordinates) {
            Random rng = new Random(seed + 1);
            double[][] adjoint = new double[steps][coordinates];
            for (double[] row : adjoint) {
                for (int n = 0; n < coordinates; n++) {
                    row[n] = rng.nextGaussian();
                }
            }
            return adjoint;
        }
    }

    private static double[] features(RecurrentSpec spec, int coordinates, int from, int to, Random rng) {
        double[] gradient = new double[coordinates];
        for (int n = 0; n < coordinates; n++) {
            gradient[n] = rng.nextGaussian() * Math.exp(2 * rng.nextGaussian());
        }
        double[] featureValues = new double[coordinates * spec.preprocessing().features()];
        spec.preprocessing().apply(gradient, from, to, featureValues);
        return featureValues;
    }

    private static double[] shifted(double[] theta, double[] direction, double h) {
        double[] out = theta.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += h * direction[k];
        }
        return out;
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Double.doubleToRawLongBits(values[k]);
        }
        return out;
    }
}
