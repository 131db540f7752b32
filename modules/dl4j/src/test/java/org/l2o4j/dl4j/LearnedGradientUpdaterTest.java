package org.l2o4j.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.random.RandomGenerator;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The per-block updater on the views DL4J hands it: at an offset inside larger arrays, in DOUBLE and FLOAT, against
 * the kernel run directly on plain arrays.
 */
class LearnedGradientUpdaterTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /**
     * Two steps on a gradient view and a state view that sit in the middle of larger arrays: the update is −Δθ of the
     * kernel, the state is the kernel's, and the numbers around the views are untouched.
     */
    @Test
    void viewsAtAnOffsetHoldTheKernelsUpdateAndState() {
        LearnedUpdater config = new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 1).toString());
        RecurrentNet.Kernel kernel = config.network().kernel();
        int n = 37;
        int s = kernel.net().stateSize();
        INDArray stateWhole = Nd4j.valueArrayOf(new long[] {1, 5 + (long) n * s + 3}, 7.0, DataType.DOUBLE);
        INDArray stateView = stateWhole.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 5 + n * s))
                .reshape(1, (long) n * s);
        GradientUpdater<?> updater = config.instantiate(stateView, true);
        assertSame(config, updater.getConfig());
        assertSame(stateView, updater.getState().get(LearnedGradientUpdater.STATE_KEY));

        double[] state = new double[n * s];
        kernel.resetState(state, 0, n);
        double[] features = new double[2 * n];
        double[] update = new double[n];
        RecurrentNet.Workspace workspace = kernel.newWorkspace();
        RandomGenerator rng = Seeds.rng(2);
        for (int step = 0; step < 2; step++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Math.exp(-12 + 12 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
            }
            INDArray gradientWhole = Nd4j.valueArrayOf(new long[] {1, n + 9}, -3.0, DataType.DOUBLE);
            INDArray gradientView = gradientWhole.get(NDArrayIndex.point(0), NDArrayIndex.interval(4, 4 + n))
                    .reshape(1, n);
            gradientView.assign(Nd4j.createFromArray(g).reshape(1, n));
            updater.applyUpdater(gradientView, step, 0);

            kernel.net().spec().preprocessing().apply(g, 0, n, features);
            kernel.step(features, state, update, 0, n, workspace, null, 0);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = -update[i];
            }
            assertArrayEquals(expected, gradientView.toDoubleVector(), 0.0);
            double[] whole = gradientWhole.toDoubleVector();
            for (int i = 0; i < whole.length; i++) {
                if (i < 4 || i >= 4 + n) {
                    assertEquals(-3.0, whole[i], "gradient entry " + i + " outside the view");
                }
            }
        }
        assertArrayEquals(state, stateView.toDoubleVector(), 0.0);
        double[] whole = stateWhole.toDoubleVector();
        for (int i = 0; i < whole.length; i++) {
            if (i < 5 || i >= 5 + n * s) {
                assertEquals(7.0, whole[i], "state entry " + i + " outside the view");
            }
        }
    }

    /**
     * A FLOAT network trains too; its first step equals the DOUBLE network's to float precision (the gradient, the
     * state and the step are rounded to float; the LSTM's log-and-sign input is smooth in the gradient, so the step
     * moves by about as much).
     */
    @Test
    void floatNetworkStepsAsTheDoubleOneToFloatPrecision() {
        LearnedUpdater updater = new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 3).toString());
        MultiLayerNetwork inDouble = new MultiLayerNetwork(TinyNetworks.mlp(updater, DataType.DOUBLE));
        inDouble.init();
        MultiLayerNetwork inFloat = new MultiLayerNetwork(TinyNetworks.mlp(updater, DataType.FLOAT));
        inFloat.init();
        inFloat.setParams(inDouble.params().castTo(DataType.FLOAT));
        double[] start = inDouble.params().toDoubleVector();
        DataSet data = TinyNetworks.data(4, DataType.DOUBLE);
        inDouble.fit(data);
        inFloat.fit(new DataSet(data.getFeatures().castTo(DataType.FLOAT), data.getLabels().castTo(DataType.FLOAT)));
        double[] a = inDouble.params().toDoubleVector();
        double[] b = inFloat.params().toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            double step = Math.abs(a[i] - start[i]);
            assertTrue(step > 1e-5, "parameter " + i + " did not move");
            assertEquals(a[i], b[i], 1e-6 + 1e-3 * step, "parameter " + i);
        }
    }
}
