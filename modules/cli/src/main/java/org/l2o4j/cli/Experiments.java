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

    /** {@code --family-config} values, each parsed as YAML (so numbers, booleans and lists keep their type). */
    static Map<String, Object> parseValues(Map<String, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, parseValue("--family-config", k, v)));
        return out;
    }

    private static Object parseValue(String option, String key, String text) {
        try {
            return SCALARS.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            if (Configs.nonFinite("'" + text.strip() + "'") != null) {
                throw new ConfigException(option + " " + key + "=" + text + ": the value must be a finite number", e);
            }
            throw new ConfigException(option + " " + key + "=" + text + ": the value is not valid YAML", e);
        }
    }

    /** Reads an experiment file and applies top-level overrides ({@code key=value}, value in YAML syntax). */
    static ExperimentSpec read(Path file, List<String> overrides) {
        return read(file, overrides, List.of());
    }

    /**
     * Reads an experiment file and applies the {@code --set} overrides, then a sweep point's {@code --vary} values
     * ({@code key=value} each); an error about one of their keys names the option that gave it.
     */
    static ExperimentSpec read(Path file, List<String> overrides, List<String> varied) {
        Map<String, Object> raw = readRaw(file, overrides, varied);
        // A key written without a value (family:) or as null binds to null, which no default covers and which the
        // spec's own checks do not expect.
        raw.forEach((k, v) -> {
            if (v == null) {
                throw blameOverride(new ConfigException("experiment file " + file + ": '" + k + "' has no value;"
                        + " give one or leave the key out for its default"), overrides, varied);
            }
        });
        try {
            return ExperimentSpec.fromMap(raw, "experiment file " + file);
        } catch (IllegalArgumentException e) {
            throw blameOverride(e instanceof ConfigException c ? c : new ConfigException("experiment file " + file
                    + ": " + e.getMessage(), e), overrides, varied);
        }
    }

    /**
     * An error about a key that a {@code --set} gave is that option's fault, not the file's: it is reported as
     * {@code --set key=value: ...}.
     */
    static ConfigException blameOverride(ConfigException e, List<String> overrides) {
        return blameOverride(e, overrides, List.of());
    }

    /**
     * As {@link #blameOverride(ConfigException, List)}, with a sweep point's {@code varied} values blamed on the
     * option that made them: {@code --seeds} for {@code seed}, {@code --replicates} for {@code replicate}, else
     * {@code --vary}.
     */
    static ConfigException blameOverride(ConfigException e, List<String> overrides, List<String> varied) {
        for (String o : overrides) {
            if (blames(e, o)) {
                return new ConfigException("--set " + o + ": " + detail(e), e);
            }
        }
        for (String v : varied) {
            if (blames(e, v)) {
                String option = switch (key(v)) {
                    case "seed" -> "--seeds";
                    case "replicate" -> "--replicates";
                    default -> "--vary";
                };
                return new ConfigException(option + " " + v + ": " + detail(e), e);
            }
        }
        return e;
    }

    private static boolean blames(ConfigException e, String override) {
        String key = key(override);
        return e.getMessage().contains("'" + key + "'") || detail(e).startsWith(key + " ");
    }

    private static String key(String override) {
        int eq = override.indexOf('=');
        return eq > 0 ? override.substring(0, eq).strip() : override;
    }

    /** The message without the file's prefix ("experiment file F: "), except for an unknown key's. */
    private static String detail(ConfigException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return message.startsWith("unknown key") || colon < 0 ? message : message.substring(colon + 2);
    }

    /** The parsed file with top-level overrides applied. */
    static Map<String, Object> readRaw(Path file, List<String> overrides) {
        return readRaw(file, overrides, List.of());
    }

    /** The parsed file with the {@code --set} overrides and then a sweep point's {@code --vary} values applied. */
    static Map<String, Object> readRaw(Path file, List<String> overrides, List<String> varied) {
        Map<String, Object> raw = new LinkedHashMap<>(Configs.readYaml(file));
        apply(raw, "--set", overrides);
        apply(raw, "--vary", varied);
        return raw;
    }

    private static void apply(Map<String, Object> raw, String option, List<String> overrides) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(option + " expects key=value, got '" + o + "'");
            }
            raw.put(key(o), parseValue(option, key(o), o.substring(eq + 1)));
        }
    }
}
