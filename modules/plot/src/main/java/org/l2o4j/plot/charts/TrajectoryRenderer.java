package org.l2o4j.plot.charts;

import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Draws optimizer paths: a line through the iterates with a small marker at each, a square at the start and a
 * triangle at the end, every marker outlined in white so it stays visible on a dark contour.
 */
final class TrajectoryRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    static final Shape START = new Rectangle2D.Double(-6, -6, 12, 12);
    static final Shape END = new Polygon(new int[] {0, 8, -8}, new int[] {-9, 6, 6}, 3);

    private final int[] lastItem;

    /** A renderer for series with {@code itemCounts[s]} points each, so that it knows where each one ends. */
    TrajectoryRenderer(int[] itemCounts) {
        super(true, true);
        lastItem = new int[itemCounts.length];
        for (int s = 0; s < itemCounts.length; s++) {
            lastItem[s] = itemCounts[s] - 1;
        }
        setUseOutlinePaint(true);
        setDrawOutlines(true);
        setAutoPopulateSeriesOutlinePaint(false);
        setDefaultOutlinePaint(Color.WHITE);
    }

    @Override
    public Shape getItemShape(int series, int item) {
        if (item == 0) {
            return START;
        }
        return item == lastItem[series] ? END : super.getItemShape(series, item);
    }
}
