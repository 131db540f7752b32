package org.l2o4j.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;

/** Streamed JSON files are the bytes of the string form plus a newline, and nothing is left beside them. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void streamedJsonEqualsTheStringFormAndLeavesNoTempFile() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("format", "x");
        value.put("numbers", List.of(1.0, -2.5e-300, 0.1 + 0.2));
        value.put("nested", Map.of("k", List.of(List.of(1, 2), List.of())));
        Path file = dir.resolve("state.json");
        AtomicFiles.writeJson(file, value);
        assertEquals(Configs.toJson(value) + "\n", Files.readString(file));
        try (var all = Files.list(dir)) {
            assertEquals(List.of(file), all.toList());
        }
    }
}
