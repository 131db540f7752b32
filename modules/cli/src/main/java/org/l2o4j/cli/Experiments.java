package org.l2o4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.eval.experiment.ExperimentSpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Finding experiment files and applying {@code --set key=value} overrides to them. */
final class Experiments {

    private static final ObjectMapper SCALARS = new ObjectMapper(new YAMLFactory());

    private Experiments() {
    }

    /** {@code experiments/} under the L2O4J home ({@code -Dl2o.home}, set by ./l2o), else under the working folder. */
    static Path folder() {
        String home = System.getProperty("l2o.home");
        return (home == null ? Path.of("") : Path.of(home)).resolve("experiments").toAbsolutePath().normalize();
    }

    static String nameOf(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(".yaml") ? f.substring(0, f.length() - 5) : f;
    }

    /** The experiment named {@code nameOrPath}: a file path, or a name under {@link #folder()}. */
    static Path locate(String nameOrPath) {
        Path direct = Path.of(nameOrPath);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path named = folder().resolve(nameOrPath + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        throw new ConfigException("no experiment '" + nameOrPath + "': neither a file nor " + named
                + "; see 'l2o list experiments'");
    }

    /** Values given on the command line, each parsed as YAML (so numbers, booleans and lists keep their type). */
    static Map<String, Object> parseValues(Map<String, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, parseValue(k, v)));
        return out;
    }

    private static Object parseValue(String key, String text) {
        try {
            return SCALARS.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            if (Configs.nonFinite("'" + text.strip() + "'") != null) {
                throw new ConfigException("--set " + key + "=" + text + ": the value must be a finite number", e);
            }
            throw new ConfigException("--set " + key + "=" + text + ": the value is not valid YAML", e);
        }
    }

    /** Reads an experiment file and applies top-level overrides ({@code key=value}, value in YAML syntax). */
    static ExperimentSpec read(Path file, List<String> overrides) {
        Map<String, Object> raw = readRaw(file, overrides);
        // A key written without a value (family:) or as null binds to null, which no default covers and which the
        // spec's own checks do not expect.
        raw.forEach((k, v) -> {
            if (v == null) {
                throw blameOverride(new ConfigException("experiment file " + file + ": '" + k + "' has no value;"
                        + " give one or leave the key out for its default"), overrides);
            }
        });
        try {
            return ExperimentSpec.fromMap(raw, "experiment file " + file);
        } catch (IllegalArgumentException e) {
            throw blameOverride(e instanceof ConfigException c ? c : new ConfigException("experiment file " + file
                    + ": " + e.getMessage(), e), overrides);
        }
    }

    /**
     * An error about a key that a {@code --set} gave is that option's fault, not the file's: it is reported as
     * {@code --set key=value: ...}.
     */
    static ConfigException blameOverride(ConfigException e, List<String> overrides) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String key = eq > 0 ? o.substring(0, eq).strip() : o;
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String detail = message.startsWith("unknown key") || colon < 0 ? message : message.substring(colon + 2);
            if (message.contains("'" + key + "'") || detail.startsWith(key + " ")) {
                return new ConfigException("--set " + o + ": " + detail, e);
            }
        }
        return e;
    }

    /** The parsed file with top-level overrides applied. */
    static Map<String, Object> readRaw(Path file, List<String> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>(Configs.readYaml(file));
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set expects key=value, got '" + o + "'");
            }
            raw.put(o.substring(0, eq).strip(), parseValue(o.substring(0, eq).strip(), o.substring(eq + 1)));
        }
        return raw;
    }
}
