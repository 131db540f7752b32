package org.l2o4j.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.l2o4j.core.config.Configs;

/**
 * Typed field access for the checkpoint readers ({@link PolicyCheckpoint}, the recurrent optimizers'
 * {@code RecurrentCheckpoint}): every error names the file, the field (as a dotted path) and what was found there.
 */
public final class CheckpointFields {

    private final String what;
    private final Path file;

    /**
     * @param what the kind of checkpoint, for messages (e.g. {@code "policy checkpoint"})
     * @param file the file being read
     */
    public CheckpointFields(String what, Path file) {
        this.what = what;
        this.file = file;
    }

    /**
     * Reads the file as a JSON object and checks its {@code format} and {@code formatVersion} fields: the steps every
     * checkpoint reader starts with.
     */
    public JsonNode readRoot(String format, int formatVersion) {
        JsonNode root;
        try {
            root = Configs.json().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CheckpointException(what + " not found: " + file, e);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("malformed " + what + " " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw error("the file is not a JSON object");
        }
        String found = text(root, "format");
        if (!format.equals(found)) {
            throw error("field 'format' is \"" + found + "\", expected \"" + format + "\"");
        }
        int version = integer(root, "formatVersion");
        if (version != formatVersion) {
            throw error("unsupported formatVersion " + version + "; this version of L2O4J reads formatVersion "
                    + formatVersion);
        }
        return root;
    }

    /** An error about this file. */
    public CheckpointException error(String message) {
        return new CheckpointException(what + " " + file + ": " + message);
    }

    /** The non-null node at {@code path} (looked up by its last segment in {@code parent}). */
    private JsonNode field(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            throw error("missing field '" + path + "'");
        }
        return node;
    }

    /** The string at {@code path}. */
    public String text(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isTextual()) {
            throw error("field '" + path + "' is " + node + ", expected a string");
        }
        return node.asText();
    }

    /** The int at {@code path}. */
    public int integer(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("field '" + path + "' is " + node + ", expected an integer");
        }
        return node.intValue();
    }

    /** The whole number from 0 to {@code Long.MAX_VALUE} at {@code path}: a count or a step. */
    public long count(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw error("field '" + path + "' is " + node + ", expected a whole number of at least 0");
        }
        return node.longValue();
    }

    /** The finite number at {@code path}. */
    public double number(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw error("field '" + path + "' is " + node + ", expected a finite number");
        }
        return node.doubleValue();
    }

    /** The boolean at {@code path}. */
    public boolean bool(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isBoolean()) {
            throw error("field '" + path + "' is " + node + ", expected true or false");
        }
        return node.booleanValue();
    }

    /** The object at {@code path}. */
    public JsonNode object(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isObject()) {
            throw error("field '" + path + "' is " + node + ", expected an object");
        }
        return node;
    }

    /** The object at {@code path} as a map. */
    public Map<String, Object> map(JsonNode parent, String path) {
        return Configs.json().convertValue(object(parent, path),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** The array of {@code expectedLength} finite numbers at {@code path}. */
    public double[] numbers(JsonNode parent, String path, int expectedLength) {
        JsonNode node = field(parent, path);
        if (!node.isArray()) {
            throw error("field '" + path + "' is not an array");
        }
        if (node.size() != expectedLength) {
            throw error("field '" + path + "' has " + node.size() + " entries, but the architecture needs "
                    + expectedLength);
        }
        double[] values = new double[expectedLength];
        Iterator<JsonNode> it = node.elements();
        for (int i = 0; i < expectedLength; i++) {
            JsonNode v = it.next();
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw error("field '" + path + "[" + i + "]' is " + v + ", expected a finite number");
            }
            values[i] = v.doubleValue();
        }
        return values;
    }
}
