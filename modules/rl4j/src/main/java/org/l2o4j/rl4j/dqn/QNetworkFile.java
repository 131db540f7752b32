package org.l2o4j.rl4j.dqn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.rl4j.ObservationScaling;
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
    /** The classes a configuration may name: DL4J's and ND4J's. */
    private static final Pattern DL4J_CLASSES = Pattern.compile("org\\.(deeplearning4j|nd4j)\\.[\\w.$]+");

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
     * Reads a file written by {@link #save}. Everything the file claims is checked before it is believed: the
     * configuration's parameter count against the values the file holds before a network is allocated for it (ND4J
     * allocates outside the heap, where no OutOfMemoryError would stop a damaged layer size), and the output layer
     * against the actions.
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
        DqnSettings settings = settings(file, root.get("settings"));
        ObservationScaling scaling = scaling(file, root);
        MultiLayerConfiguration configuration = configuration(file, root.path("configuration"));
        DataType type = dataType(file, root.path("dataType"));
        JsonNode parameters = root.get("parameters");
        requireOneOutputPerAction(file, configuration, settings.multipliers().size());
        long needed = parameterCount(file, configuration);
        if (parameters == null || !parameters.isArray() || parameters.size() != needed) {
            throw damaged(file, "its configuration has " + needed + " parameters but 'parameters' holds "
                    + (parameters != null && parameters.isArray() ? parameters.size() : "none"));
        }
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        try {
            network.init();
        } catch (RuntimeException e) {
            throw damaged(file, "DL4J cannot build its configuration: " + e.getMessage());
        }
        network.setParams(array(parameters, type));
        JsonNode updater = root.get("updater");
        if (updater != null) {
            INDArray state = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
            if (state == null || !updater.isArray() || updater.size() != state.length()) {
                throw damaged(file, "its 'updater' does not hold the " + (state == null ? 0 : state.length())
                        + " values of its network's updater state");
            }
            network.getUpdater().setStateViewArray(network, array(updater, type), false);
        }
        return new QNetworkFile(network, settings, scaling.multiplier(), scaling.clipMagnitude());
    }

    private static DqnSettings settings(Path file, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw damaged(file, "it has no 'settings' object");
        }
        try {
            return Configs.json().convertValue(node, DqnSettings.class);
        } catch (IllegalArgumentException e) {
            throw damaged(file, "its 'settings' are not a DQN controller's: " + e.getMessage());
        }
    }

    private static ObservationScaling scaling(Path file, JsonNode root) {
        try {
            return new ObservationScaling(root.path("scaleFactor").asDouble(Double.NaN),
                    root.path("clipMagnitude").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw damaged(file, "its observation scaling is invalid: " + e.getMessage());
        }
    }

    /**
     * The network's configuration. DL4J's JSON names the class of each layer, activation and updater, and its parser
     * loads whatever class a name gives; only DL4J's and ND4J's own are let through, so that a file cannot make the JVM
     * load and initialize another class on the class path. What the parser then throws is damage too.
     */
    private static MultiLayerConfiguration configuration(Path file, JsonNode node) {
        if (!node.isTextual()) {
            throw damaged(file, "its 'configuration' is not a string of DL4J JSON");
        }
        JsonNode tree;
        try {
            tree = Configs.json().readTree(node.asText());
        } catch (IOException e) {
            throw damaged(file, "its 'configuration' is not JSON: " + e.getMessage());
        }
        requireDl4jClasses(file, tree);
        try {
            return MultiLayerConfiguration.fromJson(node.asText());
        } catch (RuntimeException e) {
            throw damaged(file, "its 'configuration' is not a DL4J network configuration: " + e.getMessage());
        }
    }

    private static void requireDl4jClasses(Path file, JsonNode node) {
        for (var it = node.fields(); it.hasNext();) {
            var field = it.next();
            if (field.getKey().equals("@class") && !(field.getValue().isTextual() && DL4J_CLASSES.matcher(
                    field.getValue().asText()).matches())) {
                throw damaged(file, "its 'configuration' names a class outside DL4J and ND4J: " + field.getValue());
            }
        }
        for (JsonNode child : node) {
            requireDl4jClasses(file, child);
        }
    }

    private static DataType dataType(Path file, JsonNode node) {
        String name = node.asText();
        if (!name.equals(DataType.DOUBLE.name()) && !name.equals(DataType.FLOAT.name())) {
            throw damaged(file, "its 'dataType' is \"" + name + "\", not DOUBLE or FLOAT");
        }
        return DataType.valueOf(name);
    }

    private static void requireOneOutputPerAction(Path file, MultiLayerConfiguration configuration, int actions) {
        List<NeuralNetConfiguration> layers = configuration.getConfs();
        Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1).getLayer();
        if (!(last instanceof FeedForwardLayer output) || output.getNOut() != actions) {
            throw damaged(file, "its network does not end in a layer of one Q-value for each of its " + actions
                    + " actions");
        }
    }

    /** What the configuration's layers ask for, computed without allocating them. */
    private static long parameterCount(Path file, MultiLayerConfiguration configuration) {
        long count = 0;
        try {
            for (NeuralNetConfiguration layer : configuration.getConfs()) {
                count += layer.getLayer().initializer().numParams(layer);
            }
        } catch (RuntimeException e) {
            throw damaged(file, "its layers' sizes cannot be read: " + e.getMessage());
        }
        return count;
    }

    private static ConfigException damaged(Path file, String why) {
        return new ConfigException("Q-network " + file + " is damaged (" + why + ")");
    }

    private static INDArray array(JsonNode node, DataType type) {
        double[] d = new double[node.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = node.get(i).doubleValue();
        }
        return Nd4j.createFromArray(d).castTo(type).reshape(1, d.length);
    }
}
