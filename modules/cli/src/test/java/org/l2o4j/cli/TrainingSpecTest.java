package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.dynamics.DynamicsConfig;

/** The {@code dynamics} key of a training file: its default, both values, and a clear error for anything else. */
class TrainingSpecTest {

    private static TrainingSpec spec(Map<String, Object> extra) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", "gps-training", "family", "logistic-regression",
                "profile", "tiny"));
        raw.putAll(extra);
        return TrainingSpec.fromMap(raw, "test file");
    }

    @Test
    void dynamicsDefaultsToTheKnownTransitionAndCanAskForTheFullFit() {
        assertEquals(DynamicsConfig.Structure.KNOWN_TRANSITION, spec(Map.of()).gpsConfig().dynamics().structure());
        assertEquals(DynamicsConfig.Structure.FULL,
                spec(Map.of("dynamics", "full")).gpsConfig().dynamics().structure());
        assertEquals(DynamicsConfig.Structure.KNOWN_TRANSITION,
                spec(Map.of("dynamics", "known-transition")).gpsConfig().dynamics().structure());
    }

    @Test
    void rejectsAnUnknownDynamicsValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> spec(Map.of("dynamics", "partial")));
        assertTrue(e.getMessage().contains("dynamics") && e.getMessage().contains("known-transition"),
                e.getMessage());
    }

    @Test
    void costHessianDefaultsToExactAndCanBeProjected() {
        assertEquals(GpsConfig.CostHessian.EXACT, spec(Map.of()).gpsConfig().costHessian());
        assertEquals(GpsConfig.CostHessian.PSD, spec(Map.of("costHessian", "psd")).gpsConfig().costHessian());
        ConfigException e = assertThrows(ConfigException.class, () -> spec(Map.of("costHessian", "clipped")));
        assertTrue(e.getMessage().contains("costHessian"), e.getMessage());
    }
}
