package org.l2o4j.plot.charts;

import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntPredicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;

/**
 * Line and band charts: the loss curves, margins of victory and example problems of the paper's figures, and a
 * generic XY chart for later analyses (update functions, eigenvalues).
 *
 * <p>Every chart colours its series by label from the given {@link Palette}, which must know every label drawn.
 * Non-finite points are gaps (see {@link Line} and {@link Band}). A {@link Scale#LOG} axis shows at most
 * {@value LogWindow#DECADES} decades below the largest value; a value or band edge under its floor (zero and negative
 * values included, such as a mean's interval reaching below 0) is drawn below the axis, so the line or band runs off
 * the bottom edge rather than stopping or resting on a false edge, and a caption under the plot says so
 * ({@link LogWindow}). Signed quantities (margins, paired differences) that span many decades are drawn on a
 * symmetric-log axis, linear near 0, with a caption giving its threshold ({@link SymmetricLogAxis}).
 * Labels within one chart must be distinct.
 */
public final class Charts {

    /** Axis label for x = iteration index, t = 0 being the starting point. */
    public static final String ITERATION = "iteration";
    /** Axis label for the objective value. */
    public static final String OBJECTIVE = "objective value";
    /** Axis label for the objective minus the best known value of the problem. */
    public static final String GAP_TO_BEST = "objective − best known value";
    /** Axis label for the margin of victory. */
    public static final String MARGIN = "margin of victory";

    /** Opacity of a band's fill: light enough that overlapping bands of several optimizers stay readable. */
    private static final float BAND_ALPHA = 0.18f;
    /** Room around the unit circle and the eigenvalues in {@link #complexPlane}. */
    private static final double PLANE_MARGIN = 1.1;

    /** How the points of a {@link #xy} chart are drawn. */
    public enum Marks {
        /** Connected by lines, without markers: curves such as update functions or losses. */
        LINES,
        /** Markers only: point clouds such as eigenvalues. */
        POINTS
    }

    private Charts() {
    }

    /**
     * Objective against iteration: one line per optimizer (mean or median over problems) with its shaded band.
     *
     * @param yScale {@link Scale#LOG} for losses spanning decades; see the class Javadoc for values ≤ 0
     */
    public static JFreeChart objectiveVsIteration(String title, List<Band> bands, Scale yScale, Palette palette) {
        return integerTicks(bands(Labels.of(title, ITERATION, OBJECTIVE), bands, yScale, palette));
    }

    /**
     * Objective minus the best known value of each problem, against iteration, on a log axis. The caller subtracts
     * the best value per problem before aggregating (the mean of the gaps, not the gap of the mean); a run that
     * reaches the best value exactly has gap 0, which a log axis cannot show: it runs off the bottom edge, and the
     * caption says so.
     */
    public static JFreeChart gapToBestVsIteration(String title, List<Band> gaps, Palette palette) {
        return integerTicks(bands(Labels.of(title, ITERATION, GAP_TO_BEST), gaps, Scale.LOG, palette));
    }

    /**
     * Margin of victory against iteration, one line with its band per optimizer, with a dashed line at zero that always
     * lies within view: above it the optimizer beat every other. The axis is symmetric-log when one method's margin
     * dwarfs the others' (a blow-up), linear otherwise.
     */
    public static JFreeChart marginOfVictory(String title, List<Band> margins, Palette palette) {
        return integerTicks(signedBands(Labels.of(title, ITERATION, MARGIN), margins, palette));
    }

    /**
     * Paired differences against iteration: the reference method minus each other one, per test function, mean with
     * its interval; below the dashed zero line the reference is lower. Axis as in {@link #marginOfVictory}.
     */
    public static JFreeChart pairedDifferences(String title, String reference, List<Band> differences,
            Palette palette) {
        return integerTicks(signedBands(Labels.of(title, ITERATION, reference + " minus the other (objective)"),
                differences, palette));
    }

    /**
     * A performance profile (Dolan &amp; Moré 2002): fraction of problems each method solves within a factor α of the
     * cheapest method's cost, as steps, α on a base-2 log axis from 1.
     */
    public static JFreeChart performanceProfile(String title, List<Line> curves, Palette palette) {
        JFreeChart chart = profile(Labels.of(title, "α: cost within this factor of the cheapest method's",
                "fraction of runs solved"), curves, palette);
        XYPlot plot = chart.getXYPlot();
        LogAxis alpha = new LogAxis(plot.getDomainAxis().getLabel());
        alpha.setBase(2);
        alpha.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        alpha.setNumberFormatOverride(new DecimalFormat("0.#"));
        alpha.setLabelFont(ChartStyle.LABEL_FONT);
        alpha.setTickLabelFont(ChartStyle.TICK_FONT);
        alpha.setSmallestValue(1);
        plot.setDomainAxis(alpha);
        return chart;
    }

    /** A data profile (Moré &amp; Wild 2009): fraction of problems each method solves within a budget of evaluations. */
    public static JFreeChart dataProfile(String title, String costLabel, List<Line> curves, Palette palette) {
        return profile(Labels.of(title, costLabel, "fraction of runs solved"), curves, palette);
    }

    /**
     * Objective against cumulative wall-clock time: each band's x holds the optimizer's mean cumulative seconds per
     * iteration, so a slow optimizer's curve stretches to the right. The axis is drawn in µs, ms or s, whichever keeps
     * its largest value between 1 and 1,000 (a few microseconds read "0E0, 2E-5" on a seconds axis).
     */
    public static JFreeChart objectiveVsWallClock(String title, List<Band> bands, Scale yScale, Palette palette) {
        double largest = 0;
        for (Band b : bands) {
            for (double x : b.x()) {
                largest = Double.isFinite(x) ? Math.max(largest, x) : largest;
            }
        }
        double factor = largest >= 1 || largest == 0 ? 1 : largest >= 1e-3 ? 1e3 : 1e6;
        String unit = factor == 1 ? "s" : factor == 1e3 ? "ms" : "µs";
        List<Band> scaled = new ArrayList<>();
        for (Band b : bands) {
            double[] x = b.x().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= factor;
            }
            scaled.add(new Band(b.label(), x, b.center(), b.lower(), b.upper()));
        }
        return bands(Labels.of(title, "wall-clock (" + unit + ")", OBJECTIVE), scaled, yScale, palette);
    }

    /** Objective against iteration on one problem, one line per optimizer: a panel of the "example problems" figure. */
    public static JFreeChart exampleProblem(String title, List<Line> lines, Scale yScale, Palette palette) {
        return integerTicks(xy(Labels.of(title, ITERATION, OBJECTIVE), lines, Marks.LINES, yScale, palette));
    }

    /**
     * Lines with shaded bands against any x. The specific band charts above are this one with their axis labels.
     *
     * @param yScale linear or log; on a log axis values ≤ 0 are handled as the class Javadoc says
     */
    public static JFreeChart bands(Labels labels, List<Band> bands, Scale yScale, Palette palette) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(yScale, "yScale");
        Objects.requireNonNull(palette, "palette");
        ChartStyle.requireDistinctLabels(labels.title(), bands, Band::label);
        LogWindow window = null;
        if (yScale == Scale.LOG) {
            List<Double> drawn = new ArrayList<>();
            for (Band band : bands) {
                IntPredicate ok = drawable(band);
                for (int i = 0; i < band.size(); i++) {
                    if (ok.test(i)) {
                        drawn.add(band.center()[i]);
                        drawn.add(band.lower()[i]);
                        drawn.add(band.upper()[i]);
                    }
                }
            }
            window = LogWindow.over(drawn);
        }
        LogWindow w = window;
        YIntervalSeriesCollection data = intervalSeries(bands, v -> w == null ? v : w.value(v),
                v -> w == null ? v : w.bandEdge(v));
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        ChartStyle.paintByLabel(data, renderer, palette);
        JFreeChart chart = seriesChart(labels, yScale, data, renderer, new XYPlot());
        if (window != null) {
            window.apply(chart.getXYPlot().getRangeAxis());
            ChartStyle.caption(chart, window.caption());
        }
        return chart;
    }

    /** Adds a caption sentence under {@code chart} (what a reader must know: how a reference value was found). */
    public static JFreeChart caption(JFreeChart chart, String sentence) {
        ChartStyle.caption(chart, List.of(sentence));
        return chart;
    }

    /**
     * The chart with its x axis on a log scale (base 10, decade ticks), for x spanning decades such as the wall-clock
     * of trainings that take seconds and ones that take a quarter of an hour; every x must be positive.
     */
    public static JFreeChart logX(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(ChartStyle.axis(plot.getDomainAxis().getLabel(), Scale.LOG));
        return chart;
    }

    /**
     * Plain lines or point clouds against any x, one series per label; points that cannot be drawn on
     * {@code yScale} are gaps.
     */
    public static JFreeChart xy(Labels labels, List<Line> lines, Marks marks, Scale yScale, Palette palette) {
        return xy(labels, lines, marks, yScale, palette, new XYPlot());
    }

    /**
     * Points in the complex plane (x = real part, y = imaginary part), e.g. the eigenvalues of a learned optimizer's
     * Jacobian at its fixed points, one colour per set, with dashed axes through 0 and, if asked, the dashed unit
     * circle that separates contracting from expanding modes. Both axes have the same scale, so the circle is round
     * in a figure of any shape, and both are centred on 0.
     */
    public static JFreeChart complexPlane(String title, List<Line> pointSets, boolean unitCircle, Palette palette) {
        double reach = unitCircle ? 1.0 : 0.0;
        for (Line set : pointSets) {
            for (double[] coordinates : new double[][] {set.x(), set.y()}) {
                for (double v : coordinates) {
                    reach = Double.isFinite(v) ? Math.max(reach, Math.abs(v)) : reach;
                }
            }
        }
        XYPlot plot = new EqualAspectPlot(reach > 0 ? PLANE_MARGIN * reach : 1.0);
        JFreeChart chart = xy(Labels.of(title, "real part", "imaginary part"), pointSets, Marks.POINTS,
                Scale.LINEAR, palette, plot);
        plot.addDomainMarker(referenceLine(0.0));
        plot.addRangeMarker(referenceLine(0.0));
        if (unitCircle) {
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-1, -1, 2, 2),
                    ChartStyle.REFERENCE_STROKE, ChartStyle.REFERENCE));
        }
        return chart;
    }

    private static JFreeChart xy(Labels labels, List<Line> lines, Marks marks, Scale yScale, Palette palette,
            XYPlot plot) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(yScale, "yScale");
        Objects.requireNonNull(palette, "palette");
        ChartStyle.requireDistinctLabels(labels.title(), lines, Line::label);
        LogWindow window = null;
        if (yScale == Scale.LOG) {
            List<Double> drawn = new ArrayList<>();
            for (Line line : lines) {
                for (int i = 0; i < line.size(); i++) {
                    if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
                        drawn.add(line.y()[i]);
                    }
                }
            }
            window = LogWindow.over(drawn);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            double[] x = line.x();
            double[] y = line.y();
            List<int[]> runs = SeriesKey.drawableRuns(line.size(), i -> Double.isFinite(x[i]) && Double.isFinite(y[i]));
            for (int part = 0; part < runs.size(); part++) {
                XYSeries series = new XYSeries(new SeriesKey(line.label(), part), false, true);
                for (int i = runs.get(part)[0]; i < runs.get(part)[1]; i++) {
                    series.add(x[i], window == null ? y[i] : window.value(y[i]));
                }
                data.addSeries(series);
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(marks == Marks.LINES, marks == Marks.POINTS);
        ChartStyle.paintByLabel(data, renderer, palette);
        JFreeChart chart = seriesChart(labels, yScale, data, renderer, plot);
        if (window != null) {
            window.apply(chart.getXYPlot().getRangeAxis());
            ChartStyle.caption(chart, window.caption());
        }
        return chart;
    }

    /**
     * Bands on a linear axis, or on a symmetric-log one when their values span more than {@link SymmetricLogAxis#WIDE}
     * times the typical magnitude; a dashed line at zero is always in view.
     */
    private static JFreeChart signedBands(Labels labels, List<Band> bands, Palette palette) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(palette, "palette");
        ChartStyle.requireDistinctLabels(labels.title(), bands, Band::label);
        List<Double> centres = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (Band band : bands) {
            IntPredicate ok = drawable(band);
            for (int i = 0; i < band.size(); i++) {
                if (ok.test(i)) {
                    centres.add(band.center()[i]);
                    all.add(band.lower()[i]);
                    all.add(band.upper()[i]);
                }
            }
        }
        double c = SymmetricLogAxis.threshold(centres.stream().mapToDouble(Double::doubleValue).toArray());
        boolean symlog = SymmetricLogAxis.needed(all.stream().mapToDouble(Double::doubleValue).toArray(), c);
        YIntervalSeriesCollection data = intervalSeries(bands,
                v -> symlog ? SymmetricLogAxis.toAxis(v, c) : v, v -> symlog ? SymmetricLogAxis.toAxis(v, c) : v);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        ChartStyle.paintByLabel(data, renderer, palette);
        XYPlot plot = new XYPlot();
        JFreeChart chart = seriesChart(labels, Scale.LINEAR, data, renderer, plot);
        if (symlog) {
            SymmetricLogAxis axis = new SymmetricLogAxis(labels.yLabel(), c);
            ChartStyle.styleAxis(axis);
            plot.setRangeAxis(axis);
            ChartStyle.caption(chart, List.of("Symmetric-log axis: linear within ±" + Ticks.label(c)
                    + ", logarithmic beyond; ticks in the data's units."));
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        plot.addRangeMarker(referenceLine(0.0));
        return chart;
    }

    /** One interval series per drawable run of each band, centre and edges mapped for the axis. */
    private static YIntervalSeriesCollection intervalSeries(List<Band> bands, DoubleUnaryOperator centre,
            DoubleUnaryOperator edge) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band band : bands) {
            double[] x = band.x();
            double[] center = band.center();
            double[] lower = band.lower();
            double[] upper = band.upper();
            List<int[]> runs = SeriesKey.drawableRuns(band.size(), drawable(band));
            for (int part = 0; part < runs.size(); part++) {
                YIntervalSeries series = new YIntervalSeries(new SeriesKey(band.label(), part), false, true);
                for (int i = runs.get(part)[0]; i < runs.get(part)[1]; i++) {
                    series.add(x[i], centre.applyAsDouble(center[i]), edge.applyAsDouble(lower[i]),
                            edge.applyAsDouble(upper[i]));
                }
                data.addSeries(series);
            }
        }
        return data;
    }

    /** Step curves (profiles) with the fraction axis fixed to [0, 1]. */
    private static JFreeChart profile(Labels labels, List<Line> curves, Palette palette) {
        JFreeChart chart = xy(labels, curves, Marks.LINES, Scale.LINEAR, palette, new XYPlot());
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer step = new XYStepRenderer();
        ChartStyle.paintByLabel(plot.getDataset(), step, palette);
        plot.setRenderer(step);
        plot.getRangeAxis().setRange(0, 1.02);
        return chart;
    }

    private static JFreeChart seriesChart(Labels labels, Scale yScale, XYDataset data,
            XYLineAndShapeRenderer renderer, XYPlot plot) {
        ChartStyle.style(plot, ChartStyle.axis(labels.xLabel(), Scale.LINEAR), ChartStyle.axis(labels.yLabel(), yScale));
        plot.setDataset(data);
        plot.setRenderer(renderer);
        return ChartStyle.chart(labels.title(), plot, true);
    }

    /** Iterations are whole numbers; ticks at 12.5 would suggest otherwise. */
    private static JFreeChart integerTicks(JFreeChart chart) {
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    private static ValueMarker referenceLine(double at) {
        ValueMarker marker = new ValueMarker(at);
        marker.setPaint(ChartStyle.REFERENCE);
        marker.setStroke(ChartStyle.REFERENCE_STROKE);
        return marker;
    }

    /** Which points of {@code band} are drawn: x and all three values finite. */
    private static IntPredicate drawable(Band band) {
        double[] x = band.x();
        double[] center = band.center();
        double[] lower = band.lower();
        double[] upper = band.upper();
        return i -> Double.isFinite(x[i]) && Double.isFinite(center[i]) && Double.isFinite(lower[i])
                && Double.isFinite(upper[i]);
    }
}
