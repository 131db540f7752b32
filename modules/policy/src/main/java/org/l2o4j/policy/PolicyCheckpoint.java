package org.l2o4j.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;

/**
 * A trained {@link GaussianMlpPolicy} with what is needed to use and explain it: the feature preset its observations
 * were built with (design.md: "the preset is part of the checkpoint"), the training configuration and provenance.
 *
 * <p><b>File format</b>, JSON, {@value #FORMAT_VERSION} being the current version:
 * <pre>
 * {
 *   "format": "l2o4j-policy", "formatVersion": 1,
 *   "architecture": {"type": "gaussian-mlp", "inputDimension": .., "hiddenUnits": .., "outputDimension": ..},
 *   "activation": "softplus" | "relu",
 *   "parameterLayout": "..." (informative),
 *   "parameters": [θ in the layout of MlpArchitecture],
 *   "normalization": {"fitted": .., "mean": [..], "std": [..]},
 *   "logStd": [..],
 *   "featurePreset": "paper", "config": {..}, "provenance": {..}
 * }
 * </pre>
 * Numbers are written in Java's round-trip decimal form, so a loaded policy computes bit-identical outputs. Files are
 * written atomically ({@link AtomicFiles}). Loading validates the version and every dimension, naming the bad field
 * and its value. A later format version must keep reading version 1 files; the test resources hold one as a fixture.
 *
 * @param policy        the policy (loading builds a new one)
 * @param featurePreset name of the observation feature preset, e.g. "paper" (papers.md §1.2)
 * @param config        the training configuration, as a map (e.g. {@code Configs.toMap(record)})
 * @param provenance    where the policy came from (e.g. {@code Configs.toMap(Provenance.capture(..))})
 */
public record PolicyCheckpoint(GaussianMlpPolicy policy, String featurePreset, Map<String, Object> config,
        Map<String, Object> provenance) {

    /** The version this code writes. */
    public static final int FORMAT_VERSION = 1;

    /** The value of the "format" field. */
    public static final String FORMAT = "l2o4j-policy";

    private static final String ARCHITECTURE_TYPE = "gaussian-mlp";

    public PolicyCheckpoint {
        if (policy == null) {
            throw new IllegalArgumentException("policy must be given");
        }
        if (featurePreset == null || featurePreset.isBlank()) {
            throw new IllegalArgumentException("featurePreset must name the observation features, e.g. \"paper\"");
        }
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance == null ? Map.of() : provenance));
    }

    /** Writes this checkpoint to {@code file} atomically, creating parent folders. */
    public void save(Path file) {
        AtomicFiles.writeString(file, Configs.toJson(toJson()) + "\n");
    }

    private ObjectNode toJson() {
        MlpArchitecture a = policy.architecture();
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode arch = root.putObject("architecture");
        arch.put("type", ARCHITECTURE_TYPE);
        arch.put("inputDimension", a.inputDimension());
        arch.put("hiddenUnits", a.hiddenUnits());
        arch.put("outputDimension", a.outputDimension());
        root.put("activation", a.activation().label());
        root.put("parameterLayout", a.isLinear()
                ? "W (input x output, row-major) | b (output)"
                : "W1 (input x hidden, row-major) | b1 (hidden) | W2 (hidden x output, row-major) | b2 (output)");
        Configs.putNumbers(root, "parameters", policy.parameterView());
        InputNormalization n = policy.normalization();
        ObjectNode norm = root.putObject("normalization");
        norm.put("fitted", n.fitted());
        Configs.putNumbers(norm, "mean", n.meanView());
        Configs.putNumbers(norm, "std", n.std());
        Configs.putNumbers(root, "logStd", policy.logStd());
        root.put("featurePreset", featurePreset);
        root.set("config", Configs.json().valueToTree(config));
        root.set("provenance", Configs.json().valueToTree(provenance));
        return root;
    }

    /**
     * Reads a checkpoint written by this or an earlier format version.
     *
     * @throws CheckpointException naming the file, and the field and value at fault
     */
    public static PolicyCheckpoint load(Path file) {
        CheckpointFields r = new CheckpointFields("policy checkpoint", file);
        JsonNode root = r.readRoot(FORMAT, FORMAT_VERSION);
        JsonNode arch = r.object(root, "architecture");
        String type = r.text(arch, "architecture.type");
        if (!ARCHITECTURE_TYPE.equals(type)) {
            throw r.error("field 'architecture.type' is \"" + type + "\", expected \"" + ARCHITECTURE_TYPE + "\"");
        }
        int in = r.integer(arch, "architecture.inputDimension");
        int hidden = r.integer(arch, "architecture.hiddenUnits");
        int out = r.integer(arch, "architecture.outputDimension");
        String activationLabel = r.text(root, "activation");
        HiddenActivation activation;
        try {
            activation = HiddenActivation.fromLabel(activationLabel);
        } catch (IllegalArgumentException e) {
            throw r.error("field 'activation' is \"" + activationLabel + "\"; expected \"softplus\" or \"relu\"");
        }
        MlpArchitecture architecture;
        try {
            architecture = new MlpArchitecture(in, hidden, out, activation);
        } catch (IllegalArgumentException e) {
            throw r.error("field 'architecture' is invalid: " + e.getMessage());
        }
        double[] theta = r.numbers(root, "parameters", architecture.parameterCount());
        JsonNode norm = r.object(root, "normalization");
        boolean fitted = r.bool(norm, "normalization.fitted");
        double[] mean = r.numbers(norm, "normalization.mean", in);
        double[] std = r.numbers(norm, "normalization.std", in);
        for (int i = 0; i < in; i++) {
            if (!(std[i] >= InputNormalization.STD_FLOOR)) {
                throw r.error("field 'normalization.std[" + i + "]' is " + std[i] + ", below the floor "
                        + InputNormalization.STD_FLOOR);
            }
        }
        double[] logStd = r.numbers(root, "logStd", out);
        String preset = r.text(root, "featurePreset");
        if (preset.isBlank()) {
            throw r.error("field 'featurePreset' is empty");
        }
        Map<String, Object> config = r.map(root, "config");
        Map<String, Object> provenance = r.map(root, "provenance");
        GaussianMlpPolicy policy = GaussianMlpPolicy.of(architecture, theta,
                InputNormalization.of(mean, std, fitted), logStd);
        return new PolicyCheckpoint(policy, preset, config, provenance);
    }
}
