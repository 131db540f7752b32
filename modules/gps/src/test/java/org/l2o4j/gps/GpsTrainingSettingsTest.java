package org.l2o4j.gps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.dynamics.DynamicsConfig;

/** The keys of a GPS training file: their defaults, their values, and clear errors for anything else. */
class GpsTrainingSettingsTest {

    private static GpsConfig config(Map<String, Object> extra) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", GpsTrainer.KIND, "family",
                "logistic-regression", "profile", "tiny", "seed", 4));
        raw.putAll(extra);
        TrainingHeader.Split split = TrainingHeader.split(raw, "test file");
        return ((GpsTrainer) new GpsTrainerProvider().create(split.header(), split.settings(), "test file")).config();
    }

    @Test
    void dynamicsDefaultsToTheKnownTransitionAndCanAskForTheFullFit() {
        assertEquals(DynamicsConfig.Structure.KNOWN_TRANSITION, config(Map.of()).dynamics().structure());
        assertEquals(DynamicsConfig.Structure.FULL, config(Map.of("dynamics", "full")).dynamics().structure());
        assertEquals(DynamicsConfig.Structure.KNOWN_TRANSITION,
                config(Map.of("dynamics", "known-transition")).dynamics().structure());
    }

    @Test
    void rejectsAnUnknownDynamicsValueOrKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("dynamics", "partial")));
        assertTrue(e.getMessage().contains("dynamics") && e.getMessage().contains("known-transition"),
                e.getMessage());
        ConfigException key = assertThrows(ConfigException.class, () -> config(Map.of("horizn", 3)));
        assertTrue(key.getMessage().contains("'horizn'") && key.getMessage().contains("horizon")
                && key.getMessage().contains("evaluation"), key.getMessage());
    }

    @Test
    void costHessianDefaultsToExactAndCanBeProjected() {
        assertEquals(GpsConfig.CostHessian.EXACT, config(Map.of()).costHessian());
        assertEquals(GpsConfig.CostHessian.PSD, config(Map.of("costHessian", "psd")).costHessian());
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("costHessian", "clipped")));
        assertTrue(e.getMessage().contains("costHessian"), e.getMessage());
    }

    @Test
    void divergedSamplesStopTrainingUnlessRedrawsAreAskedFor() {
        assertEquals(0, config(Map.of()).divergedSampleRedraws());
        assertEquals(10, config(Map.of("divergedSampleRedraws", 10)).divergedSampleRedraws());
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("divergedSampleRedraws", -1)));
        assertTrue(e.getMessage().contains("divergedSampleRedraws"), e.getMessage());
    }

    @Test
    void theHeaderSeedAndThreadsReachTheConfiguration() {
        GpsConfig c = config(Map.of("threads", 2));
        assertEquals(4, c.seed());
        assertEquals(2, c.threads());
    }

    /** A replicate re-seeds GPS's own streams; the training functions stay those of the file's seed. */
    @Test
    void aReplicateReseedsTheTrainerButNotTheFunctions() {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("kind", GpsTrainer.KIND, "family",
                "logistic-regression", "seed", 4, "replicate", 2));
        TrainingHeader header = TrainingHeader.split(raw, "test").header();
        assertEquals(org.l2o4j.core.random.Seeds.derive(4, "meta-training-replicate", 2), header.trainerSeed());
        assertEquals(header.trainerSeed(), config(Map.of("replicate", 2)).seed());
        TrainingHeader original = TrainingHeader.split(Map.of("kind", GpsTrainer.KIND, "family",
                "logistic-regression", "seed", 4), "test").header();
        assertEquals(4, original.trainerSeed());
        Problem a = original.trainingFunctions("train", 3).get(2);
        Problem b = header.trainingFunctions("train", 3).get(2);
        assertEquals(a.value(a.initialPoint(0)), b.value(b.initialPoint(0)), 0.0);
        assertArrayEquals(a.initialPoint(0), b.initialPoint(0), 0.0);
    }

    /**
     * A key left out takes its profile's value, and 0 is refused instead of meaning "the profile's" (issue 12:
     * {@code --set iterations=0} ran 100 iterations, {@code conditions: 0} meant all of the split).
     */
    @Test
    void leftOutKeysTakeTheProfilesValuesAndZeroIsRefused() {
        GpsConfig tiny = GpsConfig.tiny();
        GpsConfig c = config(Map.of());
        assertEquals(tiny.iterations(), c.iterations());
        assertEquals(tiny.samplesPerCondition(), c.samplesPerCondition());
        assertEquals(tiny.horizon(), c.horizon());
        assertEquals(tiny.hiddenUnits(), c.hiddenUnits());
        assertEquals(tiny.preset(), c.preset());
        assertEquals(7, config(Map.of("iterations", 7)).iterations());
        for (String key : java.util.List.of("iterations", "conditions", "samplesPerCondition", "horizon",
                "historyLength", "hiddenUnits", "regressionIterations")) {
            ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of(key, 0)), key);
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        assertEquals(org.l2o4j.core.training.TrainingHeader.LI_MALIK_TRAINING_FUNCTIONS, GpsTrainingSettings.DEFAULTS.conditions());
        assertEquals(GpsConfig.liMalik().iterations(), GpsTrainingSettings.DEFAULTS.iterations());
    }
}
