package org.l2o4j.core.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeatureLayout.Block;

class FeaturePresetTest {

    @Test
    void paperSizesAreHTimesDPlusOne() {
        // papers.md §1.2: input size 25·(d+1): 125 for logistic/robust regression (d = 4), 325 for the NN (d = 12).
        assertEquals(125, FeaturePreset.paper().observationLayout(4).dimension());
        assertEquals(129, FeaturePreset.paper().stateLayout(4).dimension());
        assertEquals(325, FeaturePreset.paper().observationLayout(12).dimension());
        assertEquals(125, FeaturePreset.paper(25, false).observationLayout(4).dimension());
    }

    @Test
    void releasedCodeSizesAreGpsSection2s() {
        assertEquals(233, FeaturePreset.releasedCode().stateLayout(4).dimension());
        assertEquals(229, FeaturePreset.releasedCode().observationLayout(4).dimension());
    }

    @Test
    void paperLayoutIndicesForDFour() {
        FeatureLayout s = FeaturePreset.paper().stateLayout(4);
        assertEquals(List.of(new Block("x", 0, 4), new Block("objective-differences", 4, 25),
                new Block("gradient-history", 29, 100)), s.blocks());
        assertEquals(29, s.gradientOffset(0));
        assertEquals(33, s.gradientOffset(1));
        assertEquals(29 + 24 * 4, s.gradientOffset(24));
        assertEquals(-1, s.gradientOffset(25));
        assertEquals(24, s.maxGradientLag());

        FeatureLayout literal = FeaturePreset.paper(25, false).stateLayout(4);
        assertEquals(-1, literal.gradientOffset(0));
        assertEquals(29, literal.gradientOffset(1));
        assertEquals(29 + 24 * 4, literal.gradientOffset(25));
        assertEquals(25, literal.maxGradientLag());

        FeatureLayout o = FeaturePreset.paper().observationLayout(4);
        assertEquals(List.of(new Block("objective-differences", 0, 25), new Block("gradient-history", 25, 100)),
                o.blocks());
        assertEquals(25, o.gradientOffset(0));
        assertTrue(!o.hasBlock(FeatureLayout.X));
    }

    @Test
    void releasedCodeLayoutIndicesForDFour() {
        FeatureLayout s = FeaturePreset.releasedCode().stateLayout(4);
        assertEquals(List.of(new Block("x", 0, 4), new Block("relative-objective-changes", 4, 25),
                new Block("gradient-history", 29, 100), new Block("current-gradient", 129, 4),
                new Block("step-history", 133, 100)), s.blocks());
        assertEquals(129, s.gradientOffset(0));
        // Oldest first: lag H = 25 is row 0, lag 1 is the last row.
        assertEquals(29, s.gradientOffset(25));
        assertEquals(29 + 24 * 4, s.gradientOffset(1));
        assertEquals(25, s.maxGradientLag());
        FeatureLayout o = FeaturePreset.releasedCode().observationLayout(4);
        assertEquals(125, o.gradientOffset(0));
        assertEquals(129, o.block(FeatureLayout.STEP_HISTORY).offset());
        assertEquals("released-code: relative-objective-changes[0, 25) gradient-history[25, 125) "
                + "current-gradient[125, 129) step-history[129, 229) = 229", o.toString());
    }

    @Test
    void settingsRoundTripThroughTheStableName() {
        for (FeaturePreset p : List.of(FeaturePreset.paper(), FeaturePreset.paper(7, false),
                FeaturePreset.releasedCode(3))) {
            Map<String, Object> settings = p.settings();
            assertEquals(p.name(), settings.get("name"));
            assertEquals(p, FeaturePreset.fromSettings(settings));
        }
        assertEquals(FeaturePreset.releasedCode(), FeaturePreset.fromSettings(Map.of("name", "released-code")));
        assertEquals(FeaturePreset.paper(10, true), FeaturePreset.fromSettings(Map.of("name", "paper",
                "historyLength", 10)));
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> FeaturePreset.named("papr"));
        assertTrue(unknown.getMessage().contains("'papr'") && unknown.getMessage().contains("released-code"),
                unknown.getMessage());
        ConfigException key = assertThrows(ConfigException.class,
                () -> FeaturePreset.fromSettings(Map.of("name", "paper", "histroyLength", 3)));
        assertTrue(key.getMessage().contains("histroyLength"), key.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeaturePreset.fromSettings(Map.of("historyLength", 3)));
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> FeaturePreset.paper(0, true));
        assertTrue(h.getMessage().contains("0"), h.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FeaturePreset("released-code", 25, false, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> new FeaturePreset("paper", 25, true, 0.0));
        IllegalArgumentException block = assertThrows(IllegalArgumentException.class,
                () -> FeaturePreset.paper().observationLayout(4).block("step-history"));
        assertTrue(block.getMessage().contains("gradient-history"), block.getMessage());
    }
}
