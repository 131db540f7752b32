package org.l2o4j.plot.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.l2o4j.plot.Scale;

class ReadableLogAxisTest {

    private static List<ValueTick> ticks(double lo, double hi) {
        ValueAxis axis = ChartStyle.axis("f", Scale.LOG);
        assertTrue(axis instanceof ReadableLogAxis);
        axis.setRange(lo, hi);
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 600, 400),
                RectangleEdge.LEFT);
        g2.dispose();
        return ticks.stream().map(t -> (ValueTick) t).toList();
    }

    private static List<String> labels(double lo, double hi) {
        return ticks(lo, hi).stream().map(ValueTick::getText).filter(s -> s != null && !s.isEmpty()).toList();
    }

    @Test
    void aRangeInsideOneDecadeGetsRoundDecimalTicks() {
        assertEquals(List.of("0.5", "0.55", "0.6", "0.65", "0.7", "0.75", "0.8"), labels(0.48, 0.81));
    }

    @Test
    void aRangeOfAboutOneDecadeGetsOneTwoFiveTicks() {
        assertEquals(List.of("0.05", "0.1", "0.2", "0.5"), labels(0.04, 0.9));
    }

    @Test
    void wideRangesKeepDecadeTicks() {
        List<Double> majors = ticks(1e-6, 10).stream().filter(t -> t.getTickType() == TickType.MAJOR)
                .map(ValueTick::getValue).toList();
        assertTrue(majors.size() >= 3, "major ticks " + majors);
        for (double v : majors) {
            double k = Math.log10(v);
            assertEquals(Math.rint(k), k, 1e-9, "a major tick off the decades: " + v);
        }
    }
}
