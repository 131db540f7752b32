package org.l2o4j.plot.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A symmetric-log value axis: the chart plots s(y) = sign(y)·log10(1 + |y|/c), linear within ±c and logarithmic
 * beyond, so a margin of 0.001 and a method's blow-up to −200 share one readable axis. This axis places its ticks at
 * 0 and ±c·10^k and labels them with y in the data's units. The data must be transformed with {@link #toAxis}; the
 * threshold c is a power of ten chosen from the data ({@link #threshold}).
 */
final class SymmetricLogAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    /** A plain axis suffices when the largest magnitude is within this factor of the threshold. */
    static final double WIDE = 1e3;

    private final double c;

    SymmetricLogAxis(String label, double c) {
        super(label);
        this.c = c;
        setAutoRangeIncludesZero(true);
    }

    /** s(y) with threshold c. */
    static double toAxis(double y, double c) {
        return Math.signum(y) * Math.log10(1 + Math.abs(y) / c);
    }

    /** The inverse of {@link #toAxis}. */
    static double fromAxis(double s, double c) {
        return Math.signum(s) * c * (Math.pow(10, Math.abs(s)) - 1);
    }

    /**
     * The threshold: the power of ten at or below the lower quartile of the non-zero magnitudes, so that the values
     * of the well-behaved methods sit in the linear part or just above it even when half the lines blow up; 1 when
     * every value is 0.
     */
    static double threshold(double[] values) {
        double[] magnitudes = Arrays.stream(values).filter(v -> Double.isFinite(v) && v != 0).map(Math::abs).sorted()
                .toArray();
        if (magnitudes.length == 0) {
            return 1;
        }
        return Math.pow(10, Math.floor(Math.log10(magnitudes[magnitudes.length / 4])));
    }

    /** Whether values this wide need the symmetric-log axis: the largest magnitude beyond {@link #WIDE}·c. */
    static boolean needed(double[] values, double c) {
        return Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0) > WIDE * c;
    }

    /** The threshold c. */
    double threshold() {
        return c;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        Range r = getRange();
        TreeSet<Double> values = new TreeSet<>();
        values.add(0.0);
        for (int k = 0; k < 20; k++) {
            for (double sign : new double[] {-1, 1}) {
                double v = sign * c * Math.pow(10, k);
                if (r.contains(toAxis(v, c))) {
                    values.add(v);
                }
            }
        }
        // Beside many decades, ±c crowd the label 0; the decades beyond still show the scale.
        if (values.size() > 9) {
            values.remove(c);
            values.remove(-c);
        }
        if (values.size() < 3) {
            for (double m : new double[] {-0.5, 0.5}) {
                values.add(m * c);
            }
        }
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<NumberTick> ticks = new ArrayList<>();
        for (double v : values) {
            double s = toAxis(v, c);
            if (r.contains(s)) {
                ticks.add(new NumberTick(TickType.MAJOR, s, Ticks.label(v), anchor, anchor, 0.0));
            }
        }
        return ticks;
    }
}
