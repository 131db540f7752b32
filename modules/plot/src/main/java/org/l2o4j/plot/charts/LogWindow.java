package org.l2o4j.plot.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;

/**
 * The part of a log axis a chart shows, and what it says about the values it cannot show.
 *
 * <p>A log axis cannot draw 0 or a negative value, and one tiny value (L-BFGS reaching f = 1e-34 on Rosenbrock) would
 * stretch it over 30 decades and squeeze every other line into one. The window therefore spans at most
 * {@value #DECADES} decades below the largest value drawn; its floor is the smallest positive value when that is
 * higher. A value below the floor (zero and negatives included) is drawn just below the axis, so a line or band runs
 * off its bottom edge instead of stopping or being clamped onto a false edge, and the chart's caption says so.
 */
final class LogWindow {

    /** Decades shown below the largest value. */
    static final double DECADES = 10;
    /** Share of the shown decades added above and below as margin. */
    private static final double MARGIN = 0.04;

    private final double floor;
    private final double top;
    private boolean valueBelow;
    private boolean bandBelow;

    private LogWindow(double floor, double top) {
        this.floor = floor;
        this.top = top;
    }

    /** The window over the positive values among {@code values} (others ignored); [0.1, 1] when there are none. */
    static LogWindow over(List<Double> values) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                smallest = Math.min(smallest, v);
                largest = Math.max(largest, v);
            }
        }
        if (largest == 0) {
            return new LogWindow(0.1, 1);
        }
        return new LogWindow(Math.max(smallest, largest * Math.pow(10, -DECADES)), largest);
    }

    /** The smallest value drawn on the axis as itself. */
    double floor() {
        return floor;
    }

    /** A line value as drawn: itself, or a value below the axis when it is under the floor (noted for the caption). */
    double value(double v) {
        if (v >= floor) {
            return v;
        }
        valueBelow = true;
        return below();
    }

    /** A band edge as drawn: itself, or a value below the axis when it is under the floor (noted for the caption). */
    double bandEdge(double v) {
        if (v >= floor) {
            return v;
        }
        bandBelow = true;
        return below();
    }

    /** Fixes the axis range to the window with its margins. */
    void apply(ValueAxis axis) {
        double pad = Math.pow(10, MARGIN * Math.max(Math.log10(top / floor), 1));
        axis.setRange(floor / pad, top * pad);
    }

    /** The caption sentences for what ran off the axis; empty when nothing did. */
    List<String> caption() {
        List<String> out = new ArrayList<>();
        if (valueBelow) {
            out.add("Log axis: values below " + Ticks.label(floor) + " (zero and negative values included) run off its"
                    + " bottom edge.");
        }
        if (bandBelow) {
            out.add("A band whose lower edge is below " + Ticks.label(floor) + " (zero or below included) runs off the"
                    + " bottom edge.");
        }
        return out;
    }

    /** Below the padded axis, so that whatever is drawn there is cut off at the plot's edge. */
    private double below() {
        return floor / 1e3;
    }
}
