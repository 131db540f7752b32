package org.l2o4j.policy.recurrent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.policy.CheckpointException;
import org.l2o4j.policy.CheckpointFields;

/**
 * A trained recurrent learned optimizer: its {@link RecurrentSpec} (cell, size, preprocessing, output scale), its flat
 * parameters, the training configuration and provenance.
 *
 * <p><b>File format</b>, JSON, {@value #FORMAT_VERSION} being the current version:
 * <pre>
 * {
 *   "format": "l2o4j-recurrent-optimizer", "formatVersion": 1,
 *   "architecture": {"cell": "lstm" | "gru", "layers": L, "hiddenUnits": H},
 *   "preprocessing": {"type": "log-and-sign", "p": 10.0, "clamped": false} | {"type": "raw", "inputScale": 1.0},
 *   "outputScale": 0.1,
 *   "precision": "double" | "float",
 *   "parameterLayout": "..." (informative), "parameterCount": n,
 *   "parameters": [n numbers in the layout of the cell's class],
 *   "config": {..}, "provenance": {..}
 * }
 * </pre>
 * Numbers are written in Java's round-trip decimal form, so a loaded optimizer computes bit-identical updates. Files
 * are written atomically ({@link AtomicFiles}); loading checks the version and every field, naming the file, the field
 * and its value. A later format version must keep reading version 1 files (a fixture in the test resources).
 * {@code precision} ({@link Precision}) was added within version 1: a file without it holds a double network, as
 * every file written before it did.
 *
 * @param spec       the network's architecture
 * @param parameters the flat parameters (copied)
 * @param config     the training configuration, as a map
 * @param provenance where the parameters came from
 */
public record RecurrentCheckpoint(RecurrentSpec spec, double[] parameters, Map<String, Object> config,
        Map<String, Object> provenance) {

    /** The version this code writes. */
    public static final int FORMAT_VERSION = 1;

    /** The value of the "format" field. */
    public static final String FORMAT = "l2o4j-recurrent-optimizer";

    public RecurrentCheckpoint {
        if (spec == null) {
            throw new IllegalArgumentException("spec must be given");
        }
        parameters = Dense.checkedCopy(parameters, spec.create().parameterCount());
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance == null ? Map.of() : provenance));
    }

    /** The parameters (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The network with these parameters. */
    public RecurrentNet.Kernel kernel() {
        return spec.create().kernel(parameters);
    }

    /** Writes this checkpoint to {@code file} atomically, creating parent folders. */
    public void save(Path file) {
        AtomicFiles.writeString(file, Configs.toJson(toJson()) + "\n");
    }

    private ObjectNode toJson() {
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode arch = root.putObject("architecture");
        arch.put("cell", spec.cell().label());
        arch.put("layers", spec.layers());
        arch.put("hiddenUnits", spec.hiddenUnits());
        ObjectNode pre = root.putObject("preprocessing");
        if (spec.preprocessing() instanceof LogAndSign las) {
            pre.put("type", LogAndSign.TYPE);
            pre.put("p", las.p());
            pre.put("clamped", las.clamped());
        } else if (spec.preprocessing() instanceof ScaledGradient raw) {
            pre.put("type", ScaledGradient.TYPE);
            pre.put("inputScale", raw.inputScale());
        }
        root.put("outputScale", spec.outputScale());
        root.put("precision", spec.precision().label());
        root.put("parameterLayout", spec.create().parameterLayout());
        root.put("parameterCount", parameters.length);
        ArrayNode array = root.putArray("parameters");
        for (double v : parameters) {
            array.add(v);
        }
        root.set("config", Configs.json().valueToTree(config));
        root.set("provenance", Configs.json().valueToTree(provenance));
        return root;
    }

    /** The {@code precision} field, {@link Precision#DOUBLE} where it is absent (files written before it). */
    private static Precision precision(CheckpointFields r, JsonNode root) {
        if (!root.has("precision")) {
            return Precision.DOUBLE;
        }
        String label = r.text(root, "precision");
        try {
            return Precision.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw r.error("field 'precision' is \"" + label + "\"; expected one of " + Precision.labels());
        }
    }

    /**
     * Reads a checkpoint written by this or an earlier format version.
     *
     * @throws CheckpointException naming the file, and the field and value at fault
     */
    public static RecurrentCheckpoint load(Path file) {
        CheckpointFields r = new CheckpointFields("recurrent optimizer checkpoint", file);
        JsonNode root = r.readRoot(FORMAT, FORMAT_VERSION);
        JsonNode arch = r.object(root, "architecture");
        String cellLabel = r.text(arch, "architecture.cell");
        RecurrentSpec.Cell cell;
        try {
            cell = RecurrentSpec.Cell.fromLabel(cellLabel);
        } catch (IllegalArgumentException e) {
            throw r.error("field 'architecture.cell' is \"" + cellLabel + "\"; expected \"lstm\" or \"gru\"");
        }
        int layers = r.integer(arch, "architecture.layers");
        int hiddenUnits = r.integer(arch, "architecture.hiddenUnits");
        JsonNode pre = r.object(root, "preprocessing");
        String type = r.text(pre, "preprocessing.type");
        RecurrentSpec spec;
        try {
            Preprocessing preprocessing = switch (type) {
                case LogAndSign.TYPE -> new LogAndSign(r.number(pre, "preprocessing.p"),
                        r.bool(pre, "preprocessing.clamped"));
                case ScaledGradient.TYPE -> new ScaledGradient(r.number(pre, "preprocessing.inputScale"));
                default -> throw r.error("field 'preprocessing.type' is \"" + type + "\"; expected \""
                        + LogAndSign.TYPE + "\" or \"" + ScaledGradient.TYPE + "\"");
            };
            spec = new RecurrentSpec(cell, layers, hiddenUnits, preprocessing, r.number(root, "outputScale"),
                    precision(r, root));
        } catch (CheckpointException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.error("invalid architecture: " + e.getMessage());
        }
        JsonNode values = root.get("parameters");
        long present = values != null && values.isArray() ? values.size() : 0;
        // Every layer and every unit owns at least one parameter: an architecture claiming more than the file holds
        // is refused before a network is built for the claim.
        if ((long) layers * hiddenUnits > present) {
            throw r.error("the architecture (" + layers + " × " + hiddenUnits + " units) needs more parameters than"
                    + " the " + present + " the file holds");
        }
        int expected;
        try {
            expected = spec.create().parameterCount();
        } catch (IllegalArgumentException e) {
            throw r.error("invalid architecture: " + e.getMessage());
        }
        int count = r.integer(root, "parameterCount");
        if (count != expected) {
            throw r.error("field 'parameterCount' is " + count + ", but the architecture has " + expected
                    + " parameters");
        }
        double[] theta = r.numbers(root, "parameters", expected);
        return new RecurrentCheckpoint(spec, theta, r.map(root, "config"), r.map(root, "provenance"));
    }
}
