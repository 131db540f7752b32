package org.l2o4j.rl4j.dqn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DQN's Q-network with everything that continues its training exactly, as JSON without time stamps (DL4J's zip
 * format stamps its entries, so two runs would differ): the network's configuration (iteration and epoch counts
 * included), its parameters and its updater's state (Adam's moments), each value in round-trip decimal form, and the
 * step-size controller it stands for (preset, base step, multipliers, observation scaling).
 *
 * @param network      the Q-network
 * @param settings     the controller's settings
 * @param scaleFactor  the observation scaling's multiplier
 * @param clipMagnitude the observation scaling's clip
 */
public record QNetworkFile(MultiLayerNetwork network, DqnSettings settings, double scaleFactor,
        double clipMagnitude) {

    private static final String FORMAT = "l2o4j-dqn-step-control";
    private static final int FORMAT_VERSION = 1;

    /** Writes the file atomically. */
    public void save(Path file) {
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("settings", Configs.json().valueToTree(settings));
        root.put("scaleFactor", scaleFactor);
        root.put("clipMagnitude", clipMagnitude);
        root.put("configuration", network.getLayerWiseConfigurations().toJson());
        root.put("dataType", network.params().dataType().name());
        put(root.putArray("parameters"), network.params());
        INDArray updater = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        if (updater != null) {
            put(root.putArray("updater"), updater);
        }
        AtomicFiles.writeString(file, Configs.toJson(root) + "\n");
    }

    private static void put(ArrayNode array, INDArray values) {
        for (double v : values.castTo(DataType.DOUBLE).toDoubleVector()) {
            array.add(v);
        }
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @throws ConfigException naming the file if it is not such a file
     */
    public static QNetworkFile load(Path file) {
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read the Q-network " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())
                || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new ConfigException(file + " is not a version-" + FORMAT_VERSION + " " + FORMAT + " file");
        }
        DqnSettings settings = Configs.json().convertValue(root.get("settings"), DqnSettings.class);
        MultiLayerNetwork network = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(
                root.path("configuration").asText()));
        network.init();
        DataType type = DataType.valueOf(root.path("dataType").asText());
        network.setParams(array(root.get("parameters"), type));
        if (root.has("updater")) {
            network.getUpdater().setStateViewArray(network, array(root.get("updater"), type), false);
        }
        return new QNetworkFile(network, settings, root.path("scaleFactor").asDouble(),
                root.path("clipMagnitude").asDouble());
    }

    private static INDArray array(JsonNode node, DataType type) {
        List<Double> values = new ArrayList<>(node.size());
        node.forEach(v -> values.add(v.doubleValue()));
        double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Nd4j.createFromArray(d).castTo(type).reshape(1, d.length);
    }
}
