package org.l2o4j.dl4j;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.policy.recurrent.ScaledGradient;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Small DL4J networks, data and recurrent optimizer checkpoints for the tests: a 4-6-3 classifier (tanh hidden layer,
 * softmax output, cross-entropy) as a {@code MultiLayerNetwork} and as a {@code ComputationGraph}, 16 examples, and
 * checkpoints of Andrychowicz et al.'s LSTM and of a small GRU with parameters drawn i.i.d. N(0, 0.3²) from a seed.
 * The numbers need not be trained for an equality test, but none may be zero: the networks' own initial parameters
 * start the readout (and the GRU's initial state) at zero, which would make every update 0 and any comparison of
 * updates vacuous.
 */
final class TinyNetworks {

    static final int INPUTS = 4;
    static final int HIDDEN = 6;
    static final int CLASSES = 3;
    static final int EXAMPLES = 16;
    /** Parameters of the 4-6-3 network: 4·6 + 6 + 6·3 + 3. */
    static final int PARAMETERS = INPUTS * HIDDEN + HIDDEN + HIDDEN * CLASSES + CLASSES;

    private TinyNetworks() {
    }

    /** Andrychowicz et al.'s LSTM (2 × 20, log-and-sign p = 10, output × 0.1) with parameters from {@code seed}. */
    static Path lstmCheckpoint(Path dir, long seed) {
        return save(RecurrentSpec.paperLstm(), seed, dir.resolve("lstm-" + seed + ".json"));
    }

    /** A GRU of 8 units on the raw gradient, output × 0.1, with parameters (learned initial state included) from seed. */
    static Path gruCheckpoint(Path dir, long seed) {
        RecurrentSpec spec = new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 8,
                new ScaledGradient(1.0), 0.1);
        return save(spec, seed, dir.resolve("gru-" + seed + ".json"));
    }

    private static Path save(RecurrentSpec spec, long seed, Path file) {
        RandomGenerator rng = Seeds.rng(seed);
        double[] parameters = new double[spec.create().parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = 0.3 * rng.nextGaussian();
        }
        new RecurrentCheckpoint(spec, parameters, Map.of(), Map.of("source", "test, seed " + seed)).save(file);
        return file;
    }

    private static NeuralNetConfiguration.Builder base(IUpdater updater, DataType type) {
        return new NeuralNetConfiguration.Builder().seed(11).dataType(type).weightInit(WeightInit.XAVIER)
                .updater(updater);
    }

    /** The classifier as a MultiLayerNetwork configuration. */
    static MultiLayerConfiguration mlp(IUpdater updater, DataType type) {
        return base(updater, type).list()
                .layer(new DenseLayer.Builder().nIn(INPUTS).nOut(HIDDEN).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(HIDDEN).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** The same classifier as a ComputationGraph configuration, input "in", output "out". */
    static ComputationGraphConfiguration graph(IUpdater updater) {
        return base(updater, DataType.DOUBLE).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(INPUTS).nOut(HIDDEN).activation(Activation.TANH)
                        .build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(HIDDEN)
                        .nOut(CLASSES).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
    }

    /** {@value #EXAMPLES} examples with N(0, 1) features and one-hot labels drawn uniformly, from {@code seed}. */
    static DataSet data(long seed, DataType type) {
        RandomGenerator rng = Seeds.rng(seed);
        double[][] x = new double[EXAMPLES][INPUTS];
        double[][] y = new double[EXAMPLES][CLASSES];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < INPUTS; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i][rng.nextInt(CLASSES)] = 1;
        }
        INDArray features = Nd4j.createFromArray(x).castTo(type);
        INDArray labels = Nd4j.createFromArray(y).castTo(type);
        return new DataSet(features, labels);
    }
}
