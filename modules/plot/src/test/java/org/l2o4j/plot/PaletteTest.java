package org.l2o4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void sameLabelsInSameOrderGiveSameColours() {
        Palette a = Palette.of("L2O", "Adam", "L-BFGS");
        Palette b = Palette.of(List.of("L2O", "Adam", "L-BFGS"));
        for (String label : a.labels()) {
            assertEquals(a.colorOf(label), b.colorOf(label), label);
        }
        assertEquals(List.of("L2O", "Adam", "L-BFGS"), a.labels());
    }

    @Test
    void colourDependsOnPositionNotOnOtherLabels() {
        Palette three = Palette.of("L2O", "Adam", "L-BFGS");
        Palette four = Palette.of("L2O", "Adam", "L-BFGS", "momentum");
        Palette otherNames = Palette.of("x", "y", "z");
        for (int i = 0; i < 3; i++) {
            assertEquals(three.colorOf(three.labels().get(i)), four.colorOf(four.labels().get(i)));
            assertEquals(three.colorOf(three.labels().get(i)), otherNames.colorOf(otherNames.labels().get(i)));
        }
    }

    @Test
    void manyLabelsGetDistinctColours() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            labels.add("optimizer " + i);
        }
        Palette palette = Palette.of(labels);
        Set<Color> colours = new HashSet<>();
        labels.forEach(l -> colours.add(palette.colorOf(l)));
        assertEquals(labels.size(), colours.size());
    }

    @Test
    void unknownLabelFailsNamingTheLabelAndTheKnownOnes() {
        Palette palette = Palette.of("L2O", "Adam");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> palette.colorOf("RMSProp"));
        assertTrue(e.getMessage().contains("RMSProp") && e.getMessage().contains("[L2O, Adam]"), e.getMessage());
    }

    @Test
    void duplicateOrBlankLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Palette.of("Adam", "Adam"));
        assertThrows(IllegalArgumentException.class, () -> Palette.of("Adam", " "));
    }

    /** A registered optimizer keeps its colour wherever it appears and whatever else is drawn (issue 12). */
    @Test
    void registeredOptimizersHaveOneColourInEveryRun() {
        Palette reproduce = Palette.of("gradient-descent", "momentum", "lbfgs");
        Palette evaluate = Palette.of("learned-policy", "gradient-descent", "momentum", "lbfgs");
        for (String name : List.of("gradient-descent", "momentum", "lbfgs")) {
            assertEquals(reproduce.colorOf(name), evaluate.colorOf(name), name);
            assertEquals(Palette.STANDARD.get(name), evaluate.colorOf(name));
        }
        Set<Color> all = new HashSet<>(Palette.STANDARD.values());
        assertEquals(Palette.STANDARD.size(), all.size(), "one colour per registered optimizer");
        assertTrue(!all.contains(evaluate.colorOf("learned-policy")), "a free label never takes a registered colour");
    }
}
