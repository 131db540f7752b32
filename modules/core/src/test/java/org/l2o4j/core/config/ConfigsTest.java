package org.l2o4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {

    record Settings(double lr, int steps, List<Integer> hidden) {
        static final Settings DEFAULTS = new Settings(0.1, 40, List.of(50));

        Settings {
            if (steps < 1) {
                throw new ConfigException("steps must be at least 1, got " + steps);
            }
        }
    }

    @Test
    void aValueTheRecordRejectsKeepsTheRecordsOwnMessage() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.bind(Map.of("steps", -3), Settings.DEFAULTS, "optimizer 'sgd'"));
        assertEquals("invalid value for optimizer 'sgd': steps must be at least 1, got -3", e.getMessage());
    }

    @Test
    void overridesReplaceDefaultsAndTheRestStay() {
        Settings s = Configs.bind(Map.of("lr", 0.5), Settings.DEFAULTS, "test");
        assertEquals(new Settings(0.5, 40, List.of(50)), s);
        assertEquals(Settings.DEFAULTS, Configs.bind(null, Settings.DEFAULTS, "test"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheValidOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.bind(Map.of("learning_rate", 0.5), Settings.DEFAULTS, "optimizer 'sgd'"));
        assertTrue(e.getMessage().contains("'learning_rate'"), e.getMessage());
        assertTrue(e.getMessage().contains("optimizer 'sgd'"), e.getMessage());
        assertTrue(e.getMessage().contains("[hidden, lr, steps]"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.bind(Map.of("steps", "many"), Settings.DEFAULTS, "family 'x'"));
        assertTrue(e.getMessage().contains("family 'x'") && e.getMessage().contains("many"), e.getMessage());
    }

    @Test
    void noSilentConversions() {
        assertThrows(ConfigException.class, () -> Configs.bind(Map.of("steps", 2.7), Settings.DEFAULTS, "x"));
        assertThrows(ConfigException.class, () -> Configs.bind(Map.of("steps", "3"), Settings.DEFAULTS, "x"));
        assertEquals(2.0, Configs.bind(Map.of("lr", 2), Settings.DEFAULTS, "x").lr(), 0.0, "int widens to double");
    }

    @Test
    void yamlErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertTrue(assertThrows(ConfigException.class, () -> Configs.readYaml(missing)).getMessage()
                .contains("nope.yaml"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "a: [1, 2\nb: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.readYaml(bad));
        assertTrue(e.getMessage().contains("malformed") && e.getMessage().contains("bad.yaml"), e.getMessage());
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "lr: 0.25\nhidden: [3, 4]\n");
        Settings s = Configs.bind(Configs.readYaml(good), Settings.DEFAULTS, "file");
        assertEquals(new Settings(0.25, 40, List.of(3, 4)), s);
    }

    /** Found by fuzzing: SnakeYAML's message spans four lines (description, mark, quoted line, caret). */
    @Test
    void aYamlSyntaxErrorIsReportedInOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("percent.yaml");
        Files.writeString(f, "name: x\nevaluation: %\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.readYaml(f));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("found character '%' that cannot start any token")
                && e.getMessage().contains("(line 2)") && e.getMessage().contains(f.toString()), e.getMessage());
    }

    /** Found by fuzzing: a value quoted in a message may hold a line break, which is written as \n. */
    @Test
    void aQuotedLineBreakKeepsTheMessageOnOneLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.bind(Map.of("lr", "a\nb"), Settings.DEFAULTS, "optimizer 'sgd'"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals("--set k=a\\nb", new ConfigException("--set k=a\nb").getMessage());
    }
}
