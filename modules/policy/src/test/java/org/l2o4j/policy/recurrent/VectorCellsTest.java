package org.l2o4j.policy.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The vector path of the recurrent cells ({@link VectorLstm}, {@link VectorGru}) gives the scalar kernels' bits: the
 * step's updates and states, the taped unroll, the parameter gradient and the feature adjoint, compared as raw bit
 * patterns. The sizes include widths that are not whole vectors or tiles, coordinate ranges that start off a block
 * boundary and end with a partial block (which the scalar loop finishes), and pre-activations large enough to reach
 * the sigmoid's clamp.
 */
class VectorCellsTest {

    private static final RecurrentSpec[] SPECS = {
        RecurrentSpec.paperLstm(),
        new RecurrentSpec(RecurrentSpec.Cell.LSTM, 3, 5, new ScaledGradient(1.0), 0.3),
        new RecurrentSpec(RecurrentSpec.Cell.LSTM, 1, 7, LogAndSign.paper(), 1.0),
        new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 13, new LogAndSign(5, true), 0.1),
        RecurrentSpec.rennGru(RecurrentSpec.RENN_TUTORIAL_GRU_UNITS),
        new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 7, new ScaledGradient(0.5), 0.3),
        new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 13, LogAndSign.paper(), 1.0),
    };

    /** The build runs the tests with {@code --add-modules jdk.incubator.vector}, so on x86 the vector path is on. */
    @Test
    void vectorPathIsOnInTheBuild() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            assertTrue(Dense.VECTOR, "surefire's argLine should add jdk.incubator.vector");
        }
    }

    @Test
    void stepsAndBackwardAreBitIdenticalToTheScalarKernel() {
        for (int s = 0; s < SPECS.length; s++) {
            for (double magnitude : new double[] {1.0, 40.0}) {
                check(SPECS[s], 41, 3, 41, 6, magnitude, 100 + s);
                check(SPECS[s], 64, 0, 64, 4, magnitude, 200 + s);
                check(SPECS[s], 13, 5, 12, 3, magnitude, 300 + s);
            }
        }
    }

    private static void check(RecurrentSpec spec, int coordinates, int from, int to, int steps, double magnitude,
            long seed) {
        RecurrentNet net = spec.create();
        Random rng = new Random(seed);
        double[] theta = net.initialParameters(seed);
        for (int k = 0; k < theta.length; k++) {
            theta[k] += 0.3 * rng.nextGaussian();
        }
        RecurrentNet.Kernel scalar = kernel(net, theta, false);
        RecurrentNet.Kernel vector = kernel(net, theta, true);
        int features = spec.preprocessing().features();
        double[] scalarState = new double[coordinates * net.stateSize()];
        scalar.resetState(scalarState, 0, coordinates);
        for (int k = from * net.stateSize(); k < to * net.stateSize(); k++) {
            scalarState[k] = rng.nextGaussian();
        }
        double[] vectorState = scalarState.clone();
        RecurrentNet.Tape scalarTape = net.newTape(steps, coordinates);
        RecurrentNet.Tape vectorTape = net.newTape(steps, coordinates);
        RecurrentNet.Workspace scalarWorkspace = scalar.newWorkspace();
        RecurrentNet.Workspace vectorWorkspace = vector.newWorkspace();
        String what = spec + ", coordinates [" + from + ", " + to + "), magnitude " + magnitude;
        for (int t = 0; t < steps; t++) {
            double[] gradient = new double[coordinates];
            for (int n = 0; n < coordinates; n++) {
                gradient[n] = magnitude * rng.nextGaussian() * Math.exp(3 * rng.nextGaussian());
            }
            double[] featureValues = new double[coordinates * features];
            spec.preprocessing().apply(gradient, from, to, featureValues);
            double[] scalarUpdate = new double[coordinates];
            double[] vectorUpdate = new double[coordinates];
            scalar.step(featureValues, scalarState, scalarUpdate, from, to, scalarWorkspace, scalarTape, t);
            vector.step(featureValues, vectorState, vectorUpdate, from, to, vectorWorkspace, vectorTape, t);
            assertBits(scalarUpdate, vectorUpdate, "update at step " + t + ", " + what);
            assertBits(scalarState, vectorState, "state at step " + t + ", " + what);
            double[] untapedState = scalarState.clone();
            double[] untapedUpdate = new double[coordinates];
            vector.step(featureValues, untapedState, untapedUpdate, from, to, vectorWorkspace, null, 0);
            scalar.step(featureValues, scalarState.clone(), scalarUpdate, from, to, scalarWorkspace, null, 0);
            assertBits(scalarUpdate, untapedUpdate, "untaped update at step " + t + ", " + what);
        }
        double[][] adjoint = new double[steps][coordinates];
        for (double[] row : adjoint) {
            for (int n = 0; n < coordinates; n++) {
                row[n] = rng.nextGaussian();
            }
        }
        for (boolean fromInitialState : new boolean[] {false, true}) {
            double[] scalarGradient = new double[net.parameterCount()];
            double[] vectorGradient = new double[net.parameterCount()];
            double[][] scalarFeatureAdjoint = new double[steps][coordinates * features];
            double[][] vectorFeatureAdjoint = new double[steps][coordinates * features];
            scalar.backward(scalarTape, steps, adjoint, fromInitialState, from, to, scalarWorkspace, scalarGradient,
                    scalarFeatureAdjoint);
            vector.backward(vectorTape, steps, adjoint, fromInitialState, from, to, vectorWorkspace, vectorGradient,
                    vectorFeatureAdjoint);
            assertBits(scalarGradient, vectorGradient, "parameter gradient, " + what);
            for (int t = 0; t < steps; t++) {
                assertBits(scalarFeatureAdjoint[t], vectorFeatureAdjoint[t], "feature adjoint " + t + ", " + what);
            }
            double[] withoutFeatures = new double[net.parameterCount()];
            vector.backward(vectorTape, steps, adjoint, fromInitialState, from, to, vectorWorkspace, withoutFeatures,
                    null);
            assertBits(scalarGradient, withoutFeatures, "parameter gradient without feature adjoint, " + what);
        }
    }

    /**
     * The states a kernel keeps ({@link RecurrentNet.Kernel#newStates}: in blocks of coordinates for the vector LSTM)
     * step as the preprocessing and the scalar kernel's step on the caller's layout do (see
     * {@link #assertKeptStatesStepAs}).
     */
    @Test
    void keptStatesStepAsTheScalarKernel() {
        for (int s = 0; s < SPECS.length; s++) {
            RecurrentNet net = SPECS[s].create();
            Random rng = new Random(400 + s);
            double[] theta = net.initialParameters(400 + s);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += 0.3 * rng.nextGaussian();
            }
            assertKeptStatesStepAs(kernel(net, theta, false), kernel(net, theta, true), rng);
        }
    }

    /**
     * {@code kept}'s {@link RecurrentNet.Kernel#newStates} step as the preprocessing and {@code reference}'s step on
     * the caller's layout do, to the bit (updates and states), over 45 coordinates and ranges that change from step
     * to step, start and end inside blocks (of 8 and of 16 coordinates) and leave the other coordinates untouched.
     */
    static void assertKeptStatesStepAs(RecurrentNet.Kernel reference, RecurrentNet.Kernel kept, Random rng) {
        int[][] ranges = {{0, 45}, {3, 45}, {9, 16}, {0, 5}, {17, 41}, {12, 13}, {0, 45}, {33, 40}, {16, 32}};
        RecurrentNet net = reference.net();
        RecurrentSpec spec = net.spec();
        int coordinates = 45;
        double[] state = new double[coordinates * net.stateSize()];
        reference.resetState(state, 0, coordinates);
        double[] featureValues = new double[coordinates * spec.preprocessing().features()];
        RecurrentNet.States states = kept.newStates(coordinates);
        RecurrentNet.Workspace referenceWorkspace = reference.newWorkspace();
        RecurrentNet.Workspace keptWorkspace = kept.newWorkspace();
        double[] referenceUpdate = new double[coordinates];
        double[] keptUpdate = new double[coordinates];
        double[] keptState = new double[state.length];
        for (int t = 0; t < ranges.length; t++) {
            int from = ranges[t][0];
            int to = ranges[t][1];
            double[] gradient = new double[coordinates];
            for (int n = 0; n < coordinates; n++) {
                gradient[n] = (t % 2 == 0 ? 1.0 : 40.0) * rng.nextGaussian() * Math.exp(3 * rng.nextGaussian());
            }
            spec.preprocessing().apply(gradient, from, to, featureValues);
            reference.step(featureValues, state, referenceUpdate, from, to, referenceWorkspace, null, 0);
            states.step(gradient, keptUpdate, from, to, keptWorkspace);
            states.copyTo(keptState, 0, coordinates);
            String what = spec + ", step " + t + ", coordinates [" + from + ", " + to + ")";
            assertBits(referenceUpdate, keptUpdate, "update, " + what);
            assertBits(state, keptState, "state, " + what);
        }
    }

    private static RecurrentNet.Kernel kernel(RecurrentNet net, double[] theta, boolean vectorized) {
        if (net instanceof CoordinatewiseLstm lstm) {
            return lstm.kernel(theta, vectorized);
        }
        return ((ComponentwiseGru) net).kernel(theta, vectorized);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        long[] e = new long[expected.length];
        long[] a = new long[actual.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = Double.doubleToRawLongBits(expected[k]);
            a[k] = Double.doubleToRawLongBits(actual[k]);
        }
        assertArrayEquals(e, a, what);
    }
}
