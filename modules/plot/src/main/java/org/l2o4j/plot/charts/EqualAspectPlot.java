package org.l2o4j.plot.charts;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * An XY plot centred on the origin whose axes have the same units per pixel, whatever the figure's shape, so that a
 * circle in data space is drawn round: the unit circle of an eigenvalue plot must look like one.
 *
 * <p>JFreeChart has no aspect-ratio setting, so the ranges are set just before drawing, from the data area the plot is
 * about to get: the shorter side spans {@code [-halfExtent, halfExtent]} and the longer side more.
 */
final class EqualAspectPlot extends XYPlot {

    private static final long serialVersionUID = 1L;

    private final double halfExtent;

    /** A plot that shows at least {@code [-halfExtent, halfExtent]} on both axes. */
    EqualAspectPlot(double halfExtent) {
        this.halfExtent = halfExtent;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        // The same steps XYPlot.draw takes to find its data area; the tick labels of the final ranges may differ in
        // width by a few pixels from those measured here, which skews the aspect by well under one per cent.
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        Rectangle2D dataArea = calculateAxisSpace(g2, inner).shrink(inner, null);
        getAxisOffset().trim(dataArea);
        if (dataArea.getWidth() > 0 && dataArea.getHeight() > 0) {
            double unitsPerPixel = 2 * halfExtent / Math.min(dataArea.getWidth(), dataArea.getHeight());
            double halfWidth = unitsPerPixel * dataArea.getWidth() / 2;
            double halfHeight = unitsPerPixel * dataArea.getHeight() / 2;
            getDomainAxis().setRange(new Range(-halfWidth, halfWidth), true, false);
            getRangeAxis().setRange(new Range(-halfHeight, halfHeight), true, false);
        }
        super.draw(g2, area, anchor, parentState, info);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EqualAspectPlot other && halfExtent == other.halfExtent && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(halfExtent);
    }
}
