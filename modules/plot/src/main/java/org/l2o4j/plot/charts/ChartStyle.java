package org.l2o4j.plot.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;

/** The one look of every L2O4J figure: fonts, colours, axes, grid, legend and series strokes. */
final class ChartStyle {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 12);
    static final Color TEXT = new Color(0x222222);
    static final Color AXIS_LINE = new Color(0x888888);
    static final Color GRID = new Color(0xD9D9D9);
    /** Reference lines (zero, unit circle) and legend entries that are not an optimizer's. */
    static final Color REFERENCE = new Color(0x555555);
    static final Stroke SERIES_STROKE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke REFERENCE_STROKE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Stroke GRID_STROKE = new BasicStroke(0.7f);
    /** Marker of a plotted point; large enough to see, small enough not to hide neighbours. */
    static final Shape POINT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);

    /**
     * Log-axis tick spacings in whole decades, labelled 10^k. JFreeChart's default also offers fractions of a decade,
     * which label ticks 10^0.2 and tell a reader less than a decade grid with minor ticks at 2..9 × 10^k.
     */
    private static final TickUnits DECADES = decades();

    private ChartStyle() {
    }

    /** A styled value axis: logarithmic (base 10) or linear without forcing zero into the range. */
    static ValueAxis axis(String label, Scale scale) {
        ValueAxis axis;
        if (scale == Scale.LOG) {
            LogAxis log = new ReadableLogAxis(label);
            log.setBase(10);
            log.setStandardTickUnits(DECADES);
            log.setMinorTickMarksVisible(true);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(label);
            linear.setAutoRangeIncludesZero(false);
            axis = linear;
        }
        return styleAxis(axis);
    }

    /** Gives {@code axis} the fonts and colours of every L2O4J axis; returns it. */
    static ValueAxis styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
        return axis;
    }

    /**
     * Adds {@code sentences} as a caption under the plot and legend, for what a reader must know to read the figure
     * right (values off the axis, an axis that is not linear); nothing when there are none.
     */
    static void caption(JFreeChart chart, List<String> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        TextTitle caption = new TextTitle(String.join(" ", sentences), CAPTION_FONT);
        caption.setPaint(TEXT);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setPadding(new RectangleInsets(6, 4, 0, 4));
        chart.addSubtitle(caption);
    }

    /** Gives {@code plot} these axes, a white background and grey grid lines; returns it. */
    static XYPlot style(XYPlot plot, ValueAxis x, ValueAxis y) {
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS_LINE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return plot;
    }

    /** A white, antialiased chart around {@code plot}, with the legend (if any) below it. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(TEXT);
        chart.getTitle().setPadding(new RectangleInsets(2, 2, 8, 2));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(LEGEND_FONT);
            l.setItemPaint(TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        }
        return chart;
    }

    /**
     * Colours every series of {@code data} (keyed by {@link SeriesKey}) by its label, shows only the first part of a
     * label in the legend, and gives a one-point part a marker, since a line through one point draws nothing.
     */
    static void paintByLabel(XYDataset data, XYLineAndShapeRenderer renderer, Palette palette) {
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setDefaultShape(POINT);
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        for (int s = 0; s < data.getSeriesCount(); s++) {
            SeriesKey key = (SeriesKey) data.getSeriesKey(s);
            Color colour = palette.colorOf(key.label());
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, SERIES_STROKE);
            renderer.setSeriesVisibleInLegend(s, key.part() == 0);
            if (data.getItemCount(s) == 1) {
                renderer.setSeriesShapesVisible(s, true);
            }
        }
    }

    private static TickUnits decades() {
        NumberFormat exponent = new DecimalFormat("0");
        TickUnits units = new TickUnits();
        // One minor tick per unit of the value between two decades (minor ticks are spaced linearly in value), so a
        // one-decade unit gets them at 2..9 × 10^k; wider units get none, as linear spacing would not hit decades.
        units.add(new NumberTickUnit(1, exponent, 9));
        for (int decades : new int[] {2, 3, 5, 10, 20, 50, 100}) {
            units.add(new NumberTickUnit(decades, exponent, 1));
        }
        return units;
    }

    /** Fails when two inputs share a label: they would share a colour and a legend entry. */
    static <T> void requireDistinctLabels(String title, List<T> inputs, Function<T, String> label) {
        Set<String> seen = new HashSet<>();
        for (T input : inputs) {
            if (!seen.add(label.apply(input))) {
                throw new IllegalArgumentException("chart '" + title + "': label '" + label.apply(input)
                        + "' is used twice; each line needs its own label to get its own colour and legend entry");
            }
        }
    }
}
