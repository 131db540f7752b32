package org.l2o4j.bptt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.run.AtomicFiles;

/**
 * Everything a {@link BpttTrainer} needs to continue a run exactly where it stopped, saved at epoch boundaries:
 * the parameters, Adam's moments and step count, the counters, and the best validated network so far. The problems
 * of an epoch are a function of the seed and the epoch number (no random generator carries state between epochs), so
 * the epoch counter is the whole "random position".
 *
 * <p>File format {@value #FORMAT_VERSION}, JSON:
 * <pre>
 * { "format": "l2o4j-bptt-trainer", "formatVersion": 1,
 *   "config": {BpttConfig}, "family": {"name": .., "config": {..}},
 *   "completedEpochs": e, "metaSteps": m, "skippedSteps": s, "wallSeconds": w,
 *   "parameters": [..], "adam": {"steps": k, "firstMoment": [..], "secondMoment": [..]},
 *   "best": {"epoch": e*, "score": x | null (not finite), "diverged": n, "parameters": [..]} }
 * </pre>
 * Numbers are written in Java's round-trip decimal form, so a loaded state is bit-identical.
 */
record TrainerCheckpoint(Map<String, Object> config, String familyName, Map<String, Object> familyConfig,
        int completedEpochs, long metaSteps, long skippedSteps, double wallSeconds, double[] parameters,
        long adamSteps, double[] firstMoment, double[] secondMoment, int bestEpoch, double bestScore,
        int bestDiverged, double[] bestParameters) {

    static final String FORMAT = "l2o4j-bptt-trainer";
    static final int FORMAT_VERSION = 1;

    /** Writes the checkpoint atomically. */
    void save(Path file) {
        ObjectNode root = Configs.json().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("config", Configs.json().valueToTree(config));
        ObjectNode family = root.putObject("family");
        family.put("name", familyName);
        family.set("config", Configs.json().valueToTree(familyConfig));
        root.put("completedEpochs", completedEpochs);
        root.put("metaSteps", metaSteps);
        root.put("skippedSteps", skippedSteps);
        root.put("wallSeconds", wallSeconds);
        putArray(root, "parameters", parameters);
        ObjectNode adam = root.putObject("adam");
        adam.put("steps", adamSteps);
        putArray(adam, "firstMoment", firstMoment);
        putArray(adam, "secondMoment", secondMoment);
        ObjectNode best = root.putObject("best");
        best.put("epoch", bestEpoch);
        if (Double.isFinite(bestScore)) {
            best.put("score", bestScore);
        } else {
            best.putNull("score");
        }
        best.put("diverged", bestDiverged);
        putArray(best, "parameters", bestParameters);
        AtomicFiles.writeString(file, Configs.toJson(root) + "\n");
    }

    private static void putArray(ObjectNode parent, String name, double[] values) {
        ArrayNode array = parent.putArray(name);
        for (double v : values) {
            array.add(v);
        }
    }

    /**
     * Reads a trainer checkpoint.
     *
     * @throws IllegalArgumentException naming the file and the field at fault
     */
    static TrainerCheckpoint load(Path file) {
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no BPTT trainer checkpoint to resume: " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed BPTT trainer checkpoint " + file + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read BPTT trainer checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a BPTT trainer checkpoint: field 'format' is "
                    + (root == null ? "missing" : root.path("format")) + ", expected \"" + FORMAT + "\"");
        }
        if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " has formatVersion " + root.path("formatVersion")
                    + "; this code reads version " + FORMAT_VERSION);
        }
        String where = file.toString();
        JsonNode family = required(root, "family", where);
        JsonNode adam = required(root, "adam", where);
        JsonNode best = required(root, "best", where);
        JsonNode score = required(best, "score", where, true);
        return new TrainerCheckpoint(map(required(root, "config", where)),
                required(family, "name", where).asText(), map(required(family, "config", where)),
                required(root, "completedEpochs", where).intValue(), required(root, "metaSteps", where).longValue(),
                required(root, "skippedSteps", where).longValue(), required(root, "wallSeconds", where).doubleValue(),
                numbers(required(root, "parameters", where), "parameters", where),
                required(adam, "steps", where).longValue(),
                numbers(required(adam, "firstMoment", where), "adam.firstMoment", where),
                numbers(required(adam, "secondMoment", where), "adam.secondMoment", where),
                required(best, "epoch", where).intValue(), score.isNull() ? Double.NaN : score.doubleValue(),
                required(best, "diverged", where).intValue(),
                numbers(required(best, "parameters", where), "best.parameters", where));
    }

    private static JsonNode required(JsonNode parent, String name, String where) {
        return required(parent, name, where, false);
    }

    private static JsonNode required(JsonNode parent, String name, String where, boolean nullable) {
        JsonNode node = parent.get(name);
        if (node == null || (!nullable && node.isNull())) {
            throw new IllegalArgumentException("BPTT trainer checkpoint " + where + ": missing field '" + name + "'");
        }
        return node;
    }

    private static Map<String, Object> map(JsonNode node) {
        return Configs.json().convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static double[] numbers(JsonNode node, String name, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("BPTT trainer checkpoint " + where + ": field '" + name
                    + "' is not an array");
        }
        double[] out = new double[node.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode v = node.get(k);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("BPTT trainer checkpoint " + where + ": field '" + name + "[" + k
                        + "]' is " + v + ", expected a number");
            }
            out[k] = v.doubleValue();
        }
        return out;
    }
}
