package org.l2o4j.plot.charts;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.l2o4j.plot.Contour;
import org.l2o4j.plot.Grid;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.PlaneTrajectory;
import org.l2o4j.plot.Scale;

/**
 * A function of two variables shaded over a grid, with optimizer trajectories drawn on top: the paper's picture of
 * how each optimizer walks down Rosenbrock's valley.
 *
 * <p>The chart's dataset 0 holds the grid cells (x, y, transformed value), {@code resolution²} of them, row by row
 * from the bottom; dataset 1 holds one series per trajectory with its points as given, non-finite coordinates turned
 * into NaN so that the path breaks there. The axes show exactly the grid's rectangle; a trajectory that leaves it is
 * clipped. The legend names each trajectory and the start and end markers; a colour bar on the right shows the
 * transformed value.
 */
public final class ContourCharts {

    /** Colour bands of the scale: enough to follow a valley, few enough that each border reads as a contour line. */
    static final int LEVELS = 20;

    private ContourCharts() {
    }

    /**
     * Shades {@code contour} and draws each trajectory in its palette colour.
     *
     * @throws IllegalArgumentException if no cell has a finite transformed value, or labels repeat
     */
    public static JFreeChart contour(Contour contour, List<PlaneTrajectory> trajectories, Palette palette) {
        Objects.requireNonNull(contour, "contour");
        Objects.requireNonNull(palette, "palette");
        String title = contour.labels().title();
        ChartStyle.requireDistinctLabels(title, trajectories, PlaneTrajectory::label);
        DefaultXYZDataset cells = sample(contour);
        BandedPaintScale scale = scaleFor(title, cells);

        Grid grid = contour.grid();
        RowMergingBlockRenderer blocks = new RowMergingBlockRenderer(grid.resolution());
        blocks.setBlockWidth(grid.cellWidth());
        blocks.setBlockHeight(grid.cellHeight());
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);

        ValueAxis x = ChartStyle.axis(contour.labels().xLabel(), Scale.LINEAR);
        ValueAxis y = ChartStyle.axis(contour.labels().yLabel(), Scale.LINEAR);
        x.setRange(grid.xMin(), grid.xMax());
        y.setRange(grid.yMin(), grid.yMax());
        XYPlot plot = ChartStyle.style(new XYPlot(), x, y);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDataset(0, cells);
        plot.setRenderer(0, blocks);

        XYSeriesCollection paths = new XYSeriesCollection();
        int[] counts = new int[trajectories.size()];
        for (int t = 0; t < trajectories.size(); t++) {
            PlaneTrajectory trajectory = trajectories.get(t);
            XYSeries series = new XYSeries(new SeriesKey(trajectory.label(), 0), false, true);
            for (double[] p : trajectory.points()) {
                series.add(finiteOrNaN(p[0]), finiteOrNaN(p[1]));
            }
            paths.addSeries(series);
            counts[t] = trajectory.size();
        }
        TrajectoryRenderer renderer = new TrajectoryRenderer(counts);
        ChartStyle.paintByLabel(paths, renderer, palette);
        plot.setDataset(1, paths);
        plot.setRenderer(1, renderer);
        // Cells first, paths on top (JFreeChart's default draws the highest index first).
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        boolean legend = !trajectories.isEmpty();
        if (legend) {
            LegendItemCollection items = plot.getLegendItems();
            items.add(new LegendItem("start", null, null, null, TrajectoryRenderer.START, ChartStyle.REFERENCE));
            items.add(new LegendItem("end", null, null, null, TrajectoryRenderer.END, ChartStyle.REFERENCE));
            plot.setFixedLegendItems(items);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, legend);
        chart.addSubtitle(colourBar(scale, contour.valueLabel()));
        return chart;
    }

    /** The grid cells, row by row from the bottom, each coloured by the transformed value at its centre. */
    private static DefaultXYZDataset sample(Contour contour) {
        Grid grid = contour.grid();
        int n = grid.resolution();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                xs[k] = grid.xCenter(i);
                ys[k] = grid.yCenter(j);
                zs[k] = finiteOrNaN(contour.valueTransform().applyAsDouble(contour.f().applyAsDouble(xs[k], ys[k])));
            }
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries(contour.valueLabel(), new double[][] {xs, ys, zs});
        return cells;
    }

    /** A scale over the finite values of the cells; a constant function gets a unit-wide scale. */
    private static BandedPaintScale scaleFor(String title, DefaultXYZDataset cells) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cells.getItemCount(0); k++) {
            double z = cells.getZValue(0, k);
            if (!Double.isNaN(z)) {
                low = Math.min(low, z);
                high = Math.max(high, z);
            }
        }
        if (low > high) {
            throw new IllegalArgumentException("contour '" + title + "': no grid cell has a finite value; check the"
                    + " grid's range and the value transform (log of a value ≤ 0?)");
        }
        return new BandedPaintScale(low, high > low ? high : low + 1, LEVELS);
    }

    private static PaintScaleLegend colourBar(BandedPaintScale scale, String valueLabel) {
        NumberAxis axis = (NumberAxis) ChartStyle.axis(valueLabel, Scale.LINEAR);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(16);
        bar.setAxisOffset(4);
        bar.setSubdivisionCount(4 * LEVELS);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(ChartStyle.AXIS_LINE);
        bar.setBackgroundPaint(Color.WHITE);
        bar.setMargin(new RectangleInsets(8, 12, 8, 4));
        bar.setPadding(new RectangleInsets(4, 4, 4, 4));
        return bar;
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
