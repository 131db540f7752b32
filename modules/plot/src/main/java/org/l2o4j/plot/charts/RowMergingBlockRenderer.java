package org.l2o4j.plot.charts;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYBlockRenderer} for a grid stored row by row that draws each run of equally coloured neighbours in a row
 * as one rectangle, filled without antialiasing.
 *
 * <p>Why: the SVG holds one element per drawn shape. The stock renderer fills and then outlines every cell (the
 * outline hides the hairline seams antialiasing leaves between cells), two elements per cell, about 12 MB for a
 * 200×200 grid. With a banded paint scale most neighbours share a colour, so merging runs cuts that by an order of
 * magnitude; and filling with antialiasing off (crisp edges in SVG) leaves no seams to hide.
 */
final class RowMergingBlockRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    private final int columns;

    /** A renderer for a dataset whose items are rows of {@code columns} cells, bottom row first. */
    RowMergingBlockRenderer(int columns) {
        this.columns = columns;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        XYZDataset cells = (XYZDataset) dataset;
        Paint paint = paintOf(cells, series, item);
        if (item % columns > 0 && paint.equals(paintOf(cells, series, item - 1))) {
            return;
        }
        int last = item;
        while ((last + 1) % columns != 0 && paint.equals(paintOf(cells, series, last + 1))) {
            last++;
        }
        double y = cells.getYValue(series, item);
        double x0 = domainAxis.valueToJava2D(cells.getXValue(series, item) - getBlockWidth() / 2, dataArea,
                plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(cells.getXValue(series, last) + getBlockWidth() / 2, dataArea,
                plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y - getBlockHeight() / 2, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + getBlockHeight() / 2, dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
                Math.abs(y1 - y0));
        Object antialiasing = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(paint);
        g2.fill(block);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
    }

    private Paint paintOf(XYZDataset cells, int series, int item) {
        return getPaintScale().getPaint(cells.getZValue(series, item));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowMergingBlockRenderer other && columns == other.columns && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + columns;
    }
}
