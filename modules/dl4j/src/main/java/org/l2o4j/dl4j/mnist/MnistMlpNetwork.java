package org.l2o4j.dl4j.mnist;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.l2o4j.problems.mnist.MnistImages;
import org.l2o4j.problems.mnist.MnistMlp;
import org.l2o4j.problems.mnist.MnistMlpConfig;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The {@code mnist-mlp} family's network (Andrychowicz et al. 2016 §3.2: 784 → 20 sigmoid → 10, softmax
 * cross-entropy, minibatches of 128) as a DL4J {@link MultiLayerNetwork} in double precision, started from a family
 * problem's own θ0 and fed its own minibatches: the DL4J network's score on minibatch k at θ is the problem's
 * {@code value(k, θ)}, up to rounding (DL4J's mean cross-entropy over the batch; the test compares both). So a DL4J
 * run sees exactly the optimization problem L2O4J's learned optimizers were trained and are evaluated on.
 *
 * <p><b>Parameter layouts.</b> The family stores each layer as its weights W[k][o] row-major (input-major) followed by
 * its biases; DL4J's dense layer keeps W (inputs × outputs) column-major, then b. {@link #parameters} converts.
 */
public final class MnistMlpNetwork {

    private MnistMlpNetwork() {
    }

    /** Widths from the input to the output, e.g. [784, 20, 10]. */
    public static int[] widths(MnistMlpConfig settings) {
        int[] w = new int[settings.hiddenLayers() + 2];
        w[0] = MnistImages.PIXELS;
        for (int l = 1; l <= settings.hiddenLayers(); l++) {
            w[l] = settings.hiddenUnits();
        }
        w[w.length - 1] = MnistImages.CLASSES;
        return w;
    }

    /** The network of {@code settings} with {@code updater} on every layer, DOUBLE throughout. */
    public static MultiLayerConfiguration configuration(MnistMlpConfig settings, IUpdater updater) {
        int[] w = widths(settings);
        Activation hidden = settings.activation().equals("sigmoid") ? Activation.SIGMOID : Activation.RELU;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(updater).list();
        for (int l = 0; l + 2 < w.length; l++) {
            list.layer(new DenseLayer.Builder().nIn(w[l]).nOut(w[l + 1]).activation(hidden).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(w[w.length - 2])
                .nOut(w[w.length - 1]).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    /** A network of {@code settings} with {@code updater}, initialized at {@code problem}'s θ0 (restart 0). */
    public static MultiLayerNetwork start(MnistMlpConfig settings, IUpdater updater, MnistMlp problem) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(settings, updater));
        net.init(parameters(problem.initialPoint(0), widths(settings)), false);
        return net;
    }

    /** θ in the family's layout as DL4J's flat parameter row vector. */
    public static INDArray parameters(double[] theta, int[] widths) {
        double[] flat = new double[theta.length];
        int offset = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            for (int k = 0; k < in; k++) {
                for (int o = 0; o < out; o++) {
                    flat[offset + o * in + k] = theta[offset + k * out + o];
                }
            }
            System.arraycopy(theta, offset + in * out, flat, offset + in * out, out);
            offset += (in + 1) * out;
        }
        if (offset != theta.length) {
            throw new IllegalArgumentException("a network of widths " + Arrays.toString(widths) + " has "
                    + offset + " parameters, got " + theta.length);
        }
        return Nd4j.createFromArray(flat).reshape(1, flat.length);
    }

    /** Minibatch {@code draw} of {@code problem}: pixels / 255 and one-hot labels of its digits, DOUBLE. */
    public static DataSet minibatch(MnistImages images, MnistMlp problem, long draw) {
        int[] digits = problem.minibatch(draw);
        double[][] features = new double[digits.length][MnistImages.PIXELS];
        double[][] labels = new double[digits.length][MnistImages.CLASSES];
        for (int r = 0; r < digits.length; r++) {
            for (int p = 0; p < MnistImages.PIXELS; p++) {
                features[r][p] = images.pixel(digits[r], p) / 255.0;
            }
            labels[r][images.label(digits[r])] = 1;
        }
        return new DataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));
    }
}
