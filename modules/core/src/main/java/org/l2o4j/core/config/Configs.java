package org.l2o4j.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Binding of user-written configuration (YAML or JSON, or the maps parsed from them) onto typed, validated records.
 *
 * <p>Every configurable thing declares a record of its settings and a default instance holding the paper's values.
 * {@link #bind} overlays the user's keys on those defaults, so a key the user leaves out takes the documented default
 * and a key that does not exist is an error naming it and listing the valid ones (a typo never passes silently).
 */
public final class Configs {

    /**
     * Strict: unknown keys fail, and so do silent conversions (2.7 into an int field, 0 into a boolean, "3" into a
     * number) that would turn a mistake into a different experiment. Integers still widen into double fields.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Configs() {
    }

    /** The shared JSON mapper (pretty output, strict input). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The settings of a record as an ordered map (for provenance and for overlays). */
    public static Map<String, Object> toMap(Object config) {
        return JSON.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /**
     * {@code defaults} with the entries of {@code overrides} replacing its fields.
     *
     * @param context names the thing configured in error messages, e.g. {@code "family 'logistic-regression'"}
     * @throws ConfigException for an unknown key or a value of the wrong type, naming both
     */
    @SuppressWarnings("unchecked")
    public static <T> T bind(Map<String, ?> overrides, T defaults, String context) {
        Map<String, Object> merged = toMap(defaults);
        if (overrides != null) {
            for (Map.Entry<String, ?> e : overrides.entrySet()) {
                if (!merged.containsKey(e.getKey())) {
                    throw new ConfigException("unknown key '" + e.getKey() + "' for " + context + "; valid keys are "
                            + new TreeSet<>(merged.keySet()));
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        try {
            return (T) JSON.convertValue(merged, defaults.getClass());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid value for " + context + ": " + detail(e), e);
        }
    }

    /**
     * The useful part of a binding error: a record constructor's own message when it rejected a value (Jackson wraps
     * it in "Cannot construct instance of ..."), else Jackson's message without its location suffix.
     */
    private static String detail(IllegalArgumentException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ValueInstantiationException vie && vie.getCause() != null) {
            return vie.getCause().getMessage();
        }
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mie
                && !mie.getPath().isEmpty()) {
            StringBuilder key = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : mie.getPath()) {
                key.append(r.getFieldName() != null ? (key.length() > 0 ? "." : "") + r.getFieldName()
                        : "[" + r.getIndex() + "]");
            }
            Class<?> type = mie.getTargetType();
            String wanted = type == null ? "another type" : switch (type.getSimpleName()) {
                case "int", "Integer", "long", "Long" -> "a whole number";
                case "double", "Double", "float", "Float" -> "a number";
                case "boolean", "Boolean" -> "true or false";
                case "String" -> "a string";
                case "List" -> "a list";
                case "Map", "LinkedHashMap" -> "a map";
                default -> "a " + type.getSimpleName();
            };
            Object value = valueAt(mie);
            return "'" + key + "' must be " + wanted + (value == null ? "" : ", got " + value);
        }
        return cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
    }

    /** The offending input of a binding error, quoted, when Jackson kept it (e.g. "lots"). */
    private static Object valueAt(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String message = e.getOriginalMessage();
        int start = message.indexOf("value (\"");
        if (start >= 0) {
            int end = message.indexOf("\")", start);
            if (end > start) {
                return message.substring(start + 7, end + 1);
            }
        }
        return null;
    }

    /**
     * Writes {@code values} as a JSON array field in Java's round-trip decimal form, so that reading it back gives the
     * same bits (how checkpoints store parameters and moments).
     */
    public static void putNumbers(ObjectNode parent, String name, double[] values) {
        ArrayNode array = parent.putArray(name);
        for (double v : values) {
            array.add(v);
        }
    }

    /**
     * Reads back an array that {@link #putNumbers} wrote: exactly {@code length} numbers.
     *
     * @param where what the array is, for the message (e.g. {@code "<file>: 'mean'"})
     * @throws ConfigException if it is not an array of that length
     */
    public static double[] numbers(JsonNode node, int length, String where) {
        if (node == null || !node.isArray() || node.size() != length) {
            throw new ConfigException(where + ": expected an array of " + length + " numbers, found "
                    + (node == null || node.isMissingNode() ? "none" : node.isArray() ? node.size() + " entries"
                            : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = node.get(i).doubleValue();
        }
        return out;
    }

    /** Reads a YAML (or JSON, which is YAML) file into a map, with errors that name the file. */
    public static Map<String, Object> readYaml(Path file) {
        try {
            Map<String, Object> m = YAML.readValue(Files.readAllBytes(file),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            if (m == null) {
                throw new ConfigException("file " + file + " is empty");
            }
            return m;
        } catch (NoSuchFileException e) {
            throw new ConfigException("file not found: " + file, e);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
            String nonFinite = nonFinite(e.getOriginalMessage());
            if (nonFinite != null) {
                throw new ConfigException(file + line + ": " + nonFinite + " is not a finite number; every number "
                        + "L2O4J reads must be finite", e);
            }
            throw new ConfigException("malformed file " + file + ": " + oneLine(e.getOriginalMessage()) + line, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A YAML parser's message in one line, as the command line reports errors: SnakeYAML spreads one over several
     * lines, each "in 'reader', line ..." mark followed by the offending line of the file and a caret under it; the
     * marks (the line number is given separately) and the quoted lines go, the descriptions are joined with "; ".
     */
    static String oneLine(String message) {
        List<String> lines = message == null ? List.of() : message.lines().map(String::strip).toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean quoted = l.equals("^") || i + 1 < lines.size() && lines.get(i + 1).equals("^");
            if (!l.isEmpty() && !quoted && !l.startsWith("in '")) {
                kept.add(l);
            }
        }
        return kept.isEmpty() ? "unreadable YAML" : String.join("; ", kept);
    }

    /**
     * YAML's spellings of infinity and NaN (.inf, -.Inf, .NaN, ...), which Jackson reports as a malformed number, found
     * in such a message; null if it is about something else.
     */
    public static String nonFinite(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([-+]?\\.(?i:inf|nan))'").matcher(
                message == null ? "" : message);
        return m.find() ? m.group(1) : null;
    }

    /** A record as YAML text (for the resolved config written next to results). */
    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** A value as pretty JSON text. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
