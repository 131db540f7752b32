package org.l2o4j.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.deeplearning4j.datasets.iterator.impl.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.random.Seeds;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The code docs/dl4j.md shows, compiled and run here: the block between the two marker comments must appear in the
 * document exactly as it stands below (indentation aside), so the documentation cannot drift from code that works.
 */
class UsageSnippetTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** The documented use: configure, train for two epochs, save with the updater state, restore. */
    static MultiLayerNetwork trainSaveRestore(String checkpoint, DataSetIterator data, File file) throws IOException {
        // docs/dl4j.md begin
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.DOUBLE)                       // FLOAT works too, rounding the LSTM's state
                .updater(new LearnedUpdater(checkpoint))         // e.g. "zoo:l2l-mnist-lstm", a file or a run folder
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(20).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(20).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(data, 2);                                        // two epochs, as with any DL4J updater
        ModelSerializer.writeModel(net, file, true);             // true: the updater state, the LSTM's h and c
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        // docs/dl4j.md end
        return restored;
    }

    @Test
    void snippetRunsAndRestoresTheLearnedUpdater() throws IOException {
        Path checkpoint = TinyNetworks.lstmCheckpoint(dir, 12);
        RandomGenerator rng = Seeds.rng(13);
        List<DataSet> examples = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double[] x = new double[784];
            for (int p = 0; p < x.length; p++) {
                x[p] = rng.nextDouble() < 0.2 ? rng.nextDouble() : 0;
            }
            double[] y = new double[10];
            y[i % 10] = 1;
            examples.add(new DataSet(Nd4j.createFromArray(x).reshape(1, 784), Nd4j.createFromArray(y).reshape(1, 10)));
        }
        File file = dir.resolve("net.zip").toFile();
        MultiLayerNetwork restored = trainSaveRestore(checkpoint.toString(), new ListDataSetIterator<>(examples, 8),
                file);
        assertEquals(784 * 20 + 20 + 20 * 10 + 10, restored.numParams());
        assertEquals(new LearnedUpdater(checkpoint.toString()),
                ((BaseLayer) restored.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater());
        assertEquals(80L * restored.numParams(), restored.getUpdater().getStateViewArray().length());
        assertTrue(restored.getUpdater().getStateViewArray().amaxNumber().doubleValue() > 0,
                "six steps left a recurrent state");
        MultiLayerNetwork again = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertArrayEquals(again.params().toDoubleVector(), restored.params().toDoubleVector(), 0.0);
    }

    @Test
    void documentShowsTheSnippetAsItIs() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/org/l2o4j/dl4j/UsageSnippetTest.java"));
        int begin = source.indexOf("        // docs/dl4j.md begin");
        int end = source.indexOf("        // docs/dl4j.md end");
        assertTrue(begin >= 0 && end > begin);
        StringBuilder block = new StringBuilder();
        for (String line : source.subList(begin + 1, end)) {
            block.append(line.substring(Math.min(8, line.length()))).append('\n');
        }
        String doc = Files.readString(Path.of("../../docs/dl4j.md"));
        assertTrue(doc.contains(block), "docs/dl4j.md must show, verbatim:\n" + block);
    }
}
