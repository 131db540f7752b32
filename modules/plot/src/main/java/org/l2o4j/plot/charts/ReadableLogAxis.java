package org.l2o4j.plot.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis that stays labelled when the data span less than two decades. Whole-decade ticks alone leave
 * such an axis with one label or none (a robust-regression loss between 0.5 and 0.8 has no power of ten in view);
 * there it places ticks at 1, 2 and 5 × 10^k, and below a decade at evenly spaced round values, each labelled in plain
 * decimals. Wider ranges keep the decade ticks of {@link LogAxis}.
 */
final class ReadableLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    /** Ranges narrower than this ratio (two decades) get the denser ticks. */
    private static final double NARROW_RATIO = 100;
    private static final int MIN_TICKS = 3;

    ReadableLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        Range r = getRange();
        double lo = r.getLowerBound();
        double hi = r.getUpperBound();
        if (!(lo > 0) || !(hi / lo < NARROW_RATIO)) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        List<Double> values = oneTwoFive(lo, hi);
        if (values.size() < MIN_TICKS) {
            values = evenlySpaced(lo, hi);
        }
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<NumberTick> ticks = new ArrayList<>();
        for (double v : values) {
            ticks.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, anchor, 0.0));
        }
        return ticks;
    }

    /** Every 1, 2 and 5 × 10^k inside [lo, hi]. */
    static List<Double> oneTwoFive(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= lo && v <= hi) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Multiples of a round step (1, 2 or 5 × 10^k) giving about five ticks inside [lo, hi]. */
    static List<Double> evenlySpaced(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : 5);
        List<Double> out = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / step); i * step <= hi; i++) {
            out.add(i * step);
        }
        return out;
    }

    private static String label(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
