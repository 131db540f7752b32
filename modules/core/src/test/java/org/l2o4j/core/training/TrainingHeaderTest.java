package org.l2o4j.core.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;

class TrainingHeaderTest {

    /** Found by fuzzing: {@code family: null} (or {@code family:} with no value) was a NullPointerException. */
    @Test
    void aNullHeaderValueIsNamed() {
        for (String key : new String[] {"kind", "name", "description", "family", "evaluation"}) {
            Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", "random-walk", "family", "none"));
            raw.put(key, null);
            ConfigException e = assertThrows(ConfigException.class, () -> TrainingHeader.split(raw, "training file"
                    + " t.yaml"));
            assertTrue(e.getMessage().contains("'" + key + "' must be a string, got null")
                    && e.getMessage().contains("t.yaml"), e.getMessage());
        }
    }
}
