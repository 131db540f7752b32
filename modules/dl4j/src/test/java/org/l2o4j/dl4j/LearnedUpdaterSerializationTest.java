package org.l2o4j.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The updater's configuration survives DL4J's JSON and YAML round trips, and its recurrent state survives
 * {@code ModelSerializer}: training continued from a saved and restored network equals training that was never
 * interrupted, bit for bit.
 */
class LearnedUpdaterSerializationTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void multiLayerConfigurationKeepsTheUpdaterThroughJsonAndYaml() {
        LearnedUpdater updater = new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 1).toString());
        MultiLayerConfiguration conf = TinyNetworks.mlp(updater, DataType.DOUBLE);
        String json = conf.toJson();
        assertTrue(json.contains(LearnedUpdater.class.getName()) && json.contains(updater.sha256()), json);
        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(json);
        MultiLayerConfiguration fromYaml = MultiLayerConfiguration.fromYaml(conf.toYaml());
        assertEquals(conf, fromJson);
        assertEquals(conf, fromYaml);
        for (MultiLayerConfiguration c : new MultiLayerConfiguration[] {fromJson, fromYaml}) {
            for (int l = 0; l < c.getConfs().size(); l++) {
                assertEquals(updater, updaterOf(c.getConf(l).getLayer()));
            }
        }
    }

    @Test
    void computationGraphConfigurationKeepsTheUpdaterThroughJsonAndYaml() {
        LearnedUpdater updater = new LearnedUpdater(TinyNetworks.gruCheckpoint(dir, 2).toString());
        ComputationGraphConfiguration conf = TinyNetworks.graph(updater);
        ComputationGraphConfiguration fromJson = ComputationGraphConfiguration.fromJson(conf.toJson());
        ComputationGraphConfiguration fromYaml = ComputationGraphConfiguration.fromYaml(conf.toYaml());
        assertEquals(conf, fromJson);
        assertEquals(conf, fromYaml);
        assertEquals(updater, updaterOf(fromJson.getVertices().get("hidden")));
        assertEquals(updater, updaterOf(fromYaml.getVertices().get("out")));
    }

    @Test
    void equalityIsTheReferenceAndTheDigest() {
        Path file = TinyNetworks.lstmCheckpoint(dir, 3);
        LearnedUpdater a = new LearnedUpdater(file.toString());
        LearnedUpdater b = new LearnedUpdater(file.toString());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a.clone());
        assertNotEquals(a, new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 4).toString()));
        assertEquals(80L * 15_910, a.stateSize(15_910), "2 layers x 20 units x (h, c) per coordinate");
    }

    @Test
    void restoredMultiLayerNetworkContinuesExactlyAsUninterruptedTraining() throws IOException {
        MultiLayerConfiguration conf = TinyNetworks.mlp(
                new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 5).toString()), DataType.DOUBLE);
        DataSet data = TinyNetworks.data(6, DataType.DOUBLE);
        MultiLayerNetwork uninterrupted = new MultiLayerNetwork(conf);
        uninterrupted.init();
        MultiLayerNetwork saved = uninterrupted.clone();
        fit(uninterrupted, data, 7);
        fit(saved, data, 3);
        File file = dir.resolve("mlp.zip").toFile();
        ModelSerializer.writeModel(saved, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertArrayEquals(saved.getUpdater().getStateViewArray().toDoubleVector(),
                restored.getUpdater().getStateViewArray().toDoubleVector(), 0.0);
        fit(restored, data, 4);
        assertArrayEquals(uninterrupted.params().toDoubleVector(), restored.params().toDoubleVector(), 0.0);
        assertArrayEquals(uninterrupted.getUpdater().getStateViewArray().toDoubleVector(),
                restored.getUpdater().getStateViewArray().toDoubleVector(), 0.0);
    }

    @Test
    void restoredComputationGraphContinuesExactlyAsUninterruptedTraining() throws IOException {
        ComputationGraphConfiguration conf = TinyNetworks.graph(
                new LearnedUpdater(TinyNetworks.gruCheckpoint(dir, 7).toString()));
        DataSet data = TinyNetworks.data(8, DataType.DOUBLE);
        ComputationGraph uninterrupted = new ComputationGraph(conf);
        uninterrupted.init();
        ComputationGraph saved = uninterrupted.clone();
        for (int k = 0; k < 5; k++) {
            uninterrupted.fit(data);
        }
        for (int k = 0; k < 2; k++) {
            saved.fit(data);
        }
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(saved, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        for (int k = 0; k < 3; k++) {
            restored.fit(data);
        }
        assertArrayEquals(uninterrupted.params().toDoubleVector(), restored.params().toDoubleVector(), 0.0);
    }

    /**
     * Without its updater state a restored network starts its recurrent state afresh, and its steps differ: the
     * continuation test above would notice a state that lived outside DL4J's updater array.
     */
    @Test
    void restoringWithoutTheUpdaterStateChangesTheContinuation() throws IOException {
        MultiLayerConfiguration conf = TinyNetworks.mlp(
                new LearnedUpdater(TinyNetworks.lstmCheckpoint(dir, 9).toString()), DataType.DOUBLE);
        DataSet data = TinyNetworks.data(10, DataType.DOUBLE);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        fit(net, data, 3);
        File file = dir.resolve("no-state.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        fit(net, data, 1);
        fit(restored, data, 1);
        double gap = 0;
        double[] a = net.params().toDoubleVector();
        double[] b = restored.params().toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            gap = Math.max(gap, Math.abs(a[i] - b[i]));
        }
        assertTrue(gap > 1e-6, "a fresh recurrent state must step differently, largest difference " + gap);
    }

    private static LearnedUpdater updaterOf(Object layerOrVertex) {
        Layer layer = layerOrVertex instanceof Layer l ? l
                : ((LayerVertex) layerOrVertex).getLayerConf().getLayer();
        return assertInstanceOf(LearnedUpdater.class, ((BaseLayer) layer).getIUpdater());
    }

    private static void fit(MultiLayerNetwork net, DataSet data, int steps) {
        for (int k = 0; k < steps; k++) {
            net.fit(data);
        }
    }
}
