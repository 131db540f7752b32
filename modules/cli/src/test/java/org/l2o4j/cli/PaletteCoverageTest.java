package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.plot.Palette;

/** Every registered optimizer has its fixed colour, so a new one is coloured the same in every run too. */
class PaletteCoverageTest {

    @Test
    void everyRegisteredOptimizerHasAStandardColour() {
        TreeSet<String> missing = new TreeSet<>(Catalog.optimizers().keySet());
        missing.removeAll(Palette.STANDARD.keySet());
        // Registered by this module's tests only, to make a unit of work fail on an engine.
        missing.remove(new ExplodingOptimizerProvider().name());
        assertTrue(missing.isEmpty(), "give these a colour in Palette.STANDARD: " + missing);
    }
}
