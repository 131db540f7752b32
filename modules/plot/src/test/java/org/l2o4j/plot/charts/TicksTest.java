package org.l2o4j.plot.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void plainDecimalsBetweenTenThousandthsAndMillionsScientificOutside() {
        assertEquals("0", Ticks.label(0));
        assertEquals("0.001", Ticks.label(1e-3));
        assertEquals("-0.0001", Ticks.label(-1e-4));
        assertEquals("1E-5", Ticks.label(1e-5));
        assertEquals("-1E-7", Ticks.label(-1e-7));
        assertEquals("1.53E-10", Ticks.label(1.5312e-10));
        assertEquals("250", Ticks.label(250));
        assertEquals("3.2E7", Ticks.label(3.2e7));
        assertEquals("1E6", Ticks.label(1e6));
    }
}
