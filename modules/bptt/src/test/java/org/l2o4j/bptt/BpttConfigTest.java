package org.l2o4j.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.policy.recurrent.ScaledGradient;

class BpttConfigTest {

    private static String error(Map<String, ?> overrides) {
        return assertThrows(ConfigException.class, () -> Configs.bind(overrides, BpttConfig.lstm(), "bptt"))
                .getMessage();
    }

    @Test
    void defaultsAreThePapers() {
        BpttConfig c = BpttConfig.lstm();
        assertEquals(RecurrentSpec.paperLstm(), c.spec());
        assertEquals(5, c.unrollsPerEpoch());
        assertEquals(128, c.problemsPerEpoch());
        assertArrayEquals(new double[21], minusOnes(c.lossWeights()), 0.0);
        assertEquals(new RecurrentSpec(RecurrentSpec.Cell.GRU, 1, 64, new ScaledGradient(1), 1.0),
                BpttConfig.gru().spec());
        BpttConfig clamped = Configs.bind(Map.of("input", "log-and-sign-clamped", "logAndSignP", 5),
                BpttConfig.lstm(), "bptt");
        assertEquals(new LogAndSign(5, true), clamped.spec().preprocessing());
        BpttConfig weighted = Configs.bind(Map.of("unrollLength", 2, "stepsPerProblem", 4, "includeInitialLoss",
                false, "stepWeights", List.of(0.5, 2.0)), BpttConfig.lstm(), "bptt");
        assertArrayEquals(new double[] {0, 0.5, 2}, weighted.lossWeights(), 0.0);
    }

    private static double[] minusOnes(double[] w) {
        double[] out = w.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] -= 1;
        }
        return out;
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(error(Map.of("unrolLength", 5)).contains("unknown key 'unrolLength'"));
        assertTrue(error(Map.of("stepsPerProblem", 30)).contains(
                "stepsPerProblem (30) must be a multiple of unrollLength (20)"));
        assertTrue(error(Map.of("inputScale", 2.0)).contains("inputScale applies to input 'raw' only"));
        assertTrue(error(Map.of("cell", "gru")).contains("exactly one layer, got layers=2"));
        assertTrue(error(Map.of("input", "log")).contains("input must be one of"));
        assertTrue(error(Map.of("validationCriterion", "best")).contains("unknown tuning criterion 'best'"));
        assertTrue(error(Map.of("stepWeights", List.of(1.0))).contains("stepWeights has 1 entries"));
        assertTrue(error(Map.of("epochs", 0)).contains("epochs must be at least 1, got 0"));
    }
}
