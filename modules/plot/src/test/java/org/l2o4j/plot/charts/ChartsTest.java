package org.l2o4j.plot.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.FigureAssertions;
import org.l2o4j.plot.FigureFiles;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;

class ChartsTest {

    private static final Palette PALETTE = Palette.of("L2O", "GD", "L-BFGS");
    private static final int STEPS = 40;

    @TempDir
    Path dir;

    static Stream<Arguments> everyFactory() {
        List<Line> update = List.of(new Line("GD", new double[] {-1, 0, 1}, new double[] {0.1, 0, -0.1}),
                new Line("L2O", new double[] {-1, 0, 1}, new double[] {0.3, 0, -0.3}));
        return Stream.of(
                chart("Objective, log", () -> Charts.objectiveVsIteration("Objective, log", decaying(), Scale.LOG,
                        PALETTE)),
                chart("Objective, linear", () -> Charts.objectiveVsIteration("Objective, linear", decaying(),
                        Scale.LINEAR, PALETTE)),
                chart("Gap to best", () -> Charts.gapToBestVsIteration("Gap to best", decaying(), PALETTE)),
                chart("Margin", () -> Charts.marginOfVictory("Margin", margins(), PALETTE)),
                chart("Paired", () -> Charts.pairedDifferences("Paired", "L2O", margins(), PALETTE)),
                chart("Performance profile", () -> Charts.performanceProfile("Performance profile", List.of(
                        new Line("GD", new double[] {1, 2, 8}, new double[] {0.25, 0.75, 0.75})), PALETTE)),
                chart("Data profile", () -> Charts.dataProfile("Data profile", "evaluations", List.of(
                        new Line("GD", new double[] {0, 20, 80}, new double[] {0, 0.75, 0.75})), PALETTE)),
                chart("Wall clock", () -> Charts.objectiveVsWallClock("Wall clock", decaying(), Scale.LOG, PALETTE)),
                chart("Example problem", () -> Charts.exampleProblem("Example problem", centres(decaying()),
                        Scale.LOG, PALETTE)),
                chart("Update functions", () -> Charts.xy(Labels.of("Update functions", "gradient", "step"), update,
                        Charts.Marks.LINES, Scale.LINEAR, PALETTE)),
                chart("Eigenvalues", () -> Charts.complexPlane("Eigenvalues", List.of(new Line("L2O",
                        new double[] {0.5, -0.2, 1.1}, new double[] {0.1, 0.7, 0})), true, PALETTE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFactory")
    void everyFactoryWritesReadablePngAndSvg(String title, Supplier<JFreeChart> factory) throws Exception {
        FigureFiles files = Figures.write(factory.get(), dir, "figure", 480, 320);
        FigureAssertions.assertPng(files.png(), 480, 320);
        FigureAssertions.assertSvg(files.svg(), 480, 320, title);
    }

    @Test
    void bandDatasetHoldsTheInputValues() {
        List<Band> bands = decaying();
        XYPlot plot = Charts.objectiveVsIteration("t", bands, Scale.LINEAR, PALETTE).getXYPlot();
        IntervalXYDataset data = assertInstanceOf(IntervalXYDataset.class, plot.getDataset());
        assertEquals(bands.size(), data.getSeriesCount());
        for (int s = 0; s < bands.size(); s++) {
            Band band = bands.get(s);
            assertEquals(new SeriesKey(band.label(), 0), data.getSeriesKey(s));
            assertArrayEquals(band.x(), column(data, s, Column.X));
            assertArrayEquals(band.center(), column(data, s, Column.Y));
            assertArrayEquals(band.lower(), column(data, s, Column.LOW));
            assertArrayEquals(band.upper(), column(data, s, Column.HIGH));
            assertEquals(PALETTE.colorOf(band.label()), plot.getRenderer().getSeriesPaint(s));
        }
        assertInstanceOf(DeviationRenderer.class, plot.getRenderer());
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
    }

    @Test
    void nanSplitsABandIntoPartsWithOneLegendEntry() {
        double nan = Double.NaN;
        Band band = new Band("GD", new double[] {0, 1, 2, 3, 4, 5}, new double[] {5, 4, nan, 2, 1, 0.5},
                new double[] {4, 3, 2, nan, 0.5, 0.2}, new double[] {6, 5, 4, 3, 2, 1});
        XYPlot plot = Charts.objectiveVsIteration("t", List.of(band), Scale.LINEAR, PALETTE).getXYPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        assertArrayEquals(new double[] {0, 1}, column(data, 0, Column.X));
        assertArrayEquals(new double[] {4, 5}, column(data, 1, Column.X));
        assertArrayEquals(new double[] {1, 0.5}, column(data, 1, Column.Y));
        assertEquals(1, plot.getLegendItems().getItemCount());
        assertEquals("GD", plot.getLegendItems().get(0).getLabel());
        assertEquals(plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void logXPutsTheDomainOnALogAxisAndKeepsItsLabelAndTheData() {
        Band band = new Band("GD", new double[] {7, 25, 990}, new double[] {1, 0.5, 0.4},
                new double[] {0.9, 0.4, 0.3}, new double[] {1.1, 0.6, 0.5});
        XYPlot plot = Charts.logX(Charts.bands(Labels.of("t", "seconds", "objective"), List.of(band), Scale.LOG,
                PALETTE)).getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals("seconds", plot.getDomainAxis().getLabel());
        assertArrayEquals(new double[] {7, 25, 990}, column((IntervalXYDataset) plot.getDataset(), 0, Column.X));
        assertTrue(plot.getDomainAxis().getLowerBound() < 7 && plot.getDomainAxis().getUpperBound() > 990);
    }

    @Test
    void logScaleDrawsValuesUnderItsFloorBelowTheAxisAndSaysSoInTheCaption() {
        Band band = new Band("GD", new double[] {0, 1, 2, 3}, new double[] {1, 0.1, 0, 0.01},
                new double[] {0.5, -0.2, -1, 0.002}, new double[] {2, 0.4, 1, 0.02});
        JFreeChart chart = Charts.objectiveVsIteration("t", List.of(band), Scale.LOG, PALETTE);
        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        assertEquals(1, data.getSeriesCount(), "no gap: the centre 0 at x = 2 is drawn, below the axis");
        double floor = 0.002;
        double axisBottom = plot.getRangeAxis().getLowerBound();
        assertTrue(axisBottom < floor && axisBottom > floor / 10, "the axis ends just under the smallest positive value");
        assertArrayEquals(new double[] {1, 0.1, floor / 1e3, 0.01}, column(data, 0, Column.Y));
        assertArrayEquals(new double[] {0.5, floor / 1e3, floor / 1e3, 0.002}, column(data, 0, Column.LOW));
        String caption = captionOf(chart);
        assertTrue(caption.contains("values below 0.002") && caption.contains("band whose lower edge"), caption);
    }

    @Test
    void logScaleShowsTenDecadesBelowTheLargestValue() {
        Line line = new Line("GD", new double[] {0, 1, 2, 3}, new double[] {100, 1, 1e-34, 0});
        JFreeChart chart = Charts.exampleProblem("t", List.of(line), Scale.LOG, PALETTE);
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis().getLowerBound() > 1e-9 && plot.getRangeAxis().getLowerBound() < 1e-8,
                "floor 100 · 1e-10 = 1e-8, not 1e-34");
        assertEquals(1, plot.getDataset().getSeriesCount(), "the zero is drawn off the axis, not a gap");
        assertEquals(1e-11, plot.getDataset().getYValue(0, 3), 1e-25);
        assertTrue(captionOf(chart).contains("values below 1E-8"), captionOf(chart));
    }

    @Test
    void logScaleWithEverythingInViewHasNoCaption() {
        JFreeChart chart = Charts.objectiveVsIteration("t", decaying(), Scale.LOG, PALETTE);
        assertEquals("", captionOf(chart));
    }

    @Test
    void aBlowUpPutsTheMarginOnASymmetricLogAxisWithTicksInDataUnits() {
        double[] small = {0, 0.002, 0.003, 0.004};
        double[] blowUp = {0, -1, -20, -200};
        List<Band> margins = List.of(Band.overIterations("L2O", small, small, small),
                Band.overIterations("GD", blowUp, blowUp, blowUp));
        JFreeChart chart = Charts.marginOfVictory("m", margins, PALETTE);
        XYPlot plot = chart.getXYPlot();
        SymmetricLogAxis axis = assertInstanceOf(SymmetricLogAxis.class, plot.getRangeAxis());
        // The non-zero magnitudes 0.002 ... 200 (six) have lower quartile 0.003 (the second): threshold 0.001.
        assertEquals(0.001, axis.threshold(), 1e-18);
        assertEquals(Math.log10(1 + 2), plot.getDataset().getYValue(0, 1), 1e-12);
        assertEquals(-Math.log10(1 + 200_000), plot.getDataset().getYValue(1, 3), 1e-9);
        assertTrue(captionOf(chart).contains("linear within ±0.001"), captionOf(chart));
        ValueMarker zero = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(0.0, zero.getValue());
        List<?> ticks = axis.refreshTicks(null, new AxisState(), new Rectangle2D.Double(0, 0, 400, 300),
                RectangleEdge.LEFT);
        List<String> labels = ticks.stream().map(t -> ((NumberTick) t).getText()).toList();
        assertTrue(labels.containsAll(List.of("0", "0.001", "-0.1", "-100")), labels.toString());
        for (Object t : ticks) {
            NumberTick tick = (NumberTick) t;
            assertEquals(Double.parseDouble(tick.getText()), SymmetricLogAxis.fromAxis(tick.getValue(), 0.001),
                    1e-9 * (1 + Math.abs(tick.getValue())), "a tick sits where its label says");
        }
    }

    @Test
    void symmetricLogTransformIsOddMonotoneAndInvertible() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double y = -1e4; y <= 1e4; y += 37.3) {
            double s = SymmetricLogAxis.toAxis(y, 0.01);
            assertTrue(s > previous);
            assertEquals(-s, SymmetricLogAxis.toAxis(-y, 0.01), 1e-12);
            assertEquals(y, SymmetricLogAxis.fromAxis(s, 0.01), 1e-9 * (1 + Math.abs(y)));
            previous = s;
        }
    }

    @Test
    void profilesAreStepsOnAFractionAxis() {
        Line curve = new Line("GD", new double[] {1, 2, 8}, new double[] {0.25, 0.75, 0.75});
        XYPlot performance = Charts.performanceProfile("p", List.of(curve), PALETTE).getXYPlot();
        assertInstanceOf(XYStepRenderer.class, performance.getRenderer());
        LogAxis alpha = assertInstanceOf(LogAxis.class, performance.getDomainAxis());
        assertEquals(2, alpha.getBase(), 0.0);
        assertEquals(1.02, performance.getRangeAxis().getUpperBound(), 0.0);
        XYPlot data = Charts.dataProfile("d", "evaluations", List.of(curve), PALETTE).getXYPlot();
        assertInstanceOf(NumberAxis.class, data.getDomainAxis());
        assertEquals(0.0, data.getRangeAxis().getLowerBound(), 0.0);
    }

    @Test
    void allGapsStillKeepTheLegendEntry() {
        double nan = Double.NaN;
        Band diverged = new Band("L-BFGS", new double[] {0, 1}, new double[] {nan, nan}, new double[] {nan, nan},
                new double[] {nan, nan});
        XYPlot plot = Charts.objectiveVsIteration("t", List.of(diverged), Scale.LOG, PALETTE).getXYPlot();
        assertEquals(0, plot.getDataset().getItemCount(0));
        assertEquals("L-BFGS", plot.getLegendItems().get(0).getLabel());
    }

    @Test
    void aOnePointPartOfALineGetsAMarker() {
        Line line = new Line("GD", new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 0.5,
            Double.POSITIVE_INFINITY});
        XYPlot plot = Charts.exampleProblem("t", List.of(line), Scale.LOG, PALETTE).getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(0.5, data.getYValue(1, 0));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        assertTrue(renderer.getSeriesShapesVisible(1), "a one-point part gets a marker, else it is invisible");
    }

    @Test
    void marginChartHasAZeroLineInView() {
        List<Band> above = List.of(Band.overIterations("L2O", new double[] {1, 2, 3}, new double[] {0.5, 1, 2},
                new double[] {2, 3, 4}));
        XYPlot plot = Charts.marginOfVictory("m", above, PALETTE).getXYPlot();
        ValueMarker zero = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(0.0, zero.getValue());
        assertTrue(plot.getRangeAxis().getLowerBound() <= 0.0);
    }

    @Test
    void complexPlaneHasEqualUnitsPerPixel() {
        JFreeChart chart = Charts.complexPlane("e", List.of(new Line("L2O", new double[] {0.9, -0.3},
                new double[] {0.2, 0.8})), true, PALETTE);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(800, 500, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double xUnitsPerPixel = plot.getDomainAxis().getRange().getLength() / area.getWidth();
        double yUnitsPerPixel = plot.getRangeAxis().getRange().getLength() / area.getHeight();
        assertEquals(xUnitsPerPixel, yUnitsPerPixel, 0.02 * xUnitsPerPixel);
        assertTrue(plot.getRangeAxis().getUpperBound() >= 1.0, "the unit circle is in view");
        assertEquals(1, plot.getAnnotations().size());
    }

    @Test
    void labelsMustBeInThePaletteAndDistinct() {
        List<Band> unknown = List.of(Band.overIterations("RMSProp", new double[] {1}, new double[] {1},
                new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.objectiveVsIteration("t", unknown, Scale.LOG, PALETTE));
        assertTrue(e.getMessage().contains("RMSProp"), e.getMessage());
        List<Line> twice = List.of(Line.overIterations("GD", new double[] {1}), Line.overIterations("GD",
                new double[] {2}));
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.exampleProblem("t", twice, Scale.LINEAR, PALETTE));
        assertTrue(e.getMessage().contains("'GD'"), e.getMessage());
    }

    @Test
    void drawableRunsSplitAtGaps() {
        boolean[] ok = {false, true, true, false, true, false};
        List<int[]> runs = SeriesKey.drawableRuns(ok.length, i -> ok[i]);
        assertEquals(2, runs.size());
        assertArrayEquals(new int[] {1, 3}, runs.get(0));
        assertArrayEquals(new int[] {4, 5}, runs.get(1));
        assertArrayEquals(new int[] {0, 0}, SeriesKey.drawableRuns(3, i -> false).get(0));
        assertNotNull(SeriesKey.drawableRuns(0, i -> true).get(0));
    }

    private enum Column { X, Y, LOW, HIGH }

    private static String captionOf(JFreeChart chart) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                out.append(t.getText());
            }
        }
        return out.toString();
    }

    private static double[] column(IntervalXYDataset data, int series, Column column) {
        double[] values = new double[data.getItemCount(series)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (column) {
                case X -> data.getXValue(series, i);
                case Y -> data.getYValue(series, i);
                case LOW -> data.getStartYValue(series, i);
                case HIGH -> data.getEndYValue(series, i);
            };
        }
        return values;
    }

    private static Arguments chart(String title, Supplier<JFreeChart> factory) {
        return Arguments.of(title, factory);
    }

    /** Exponential decays at three rates with a ±30 % band, one per palette label. */
    private static List<Band> decaying() {
        List<Band> bands = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] c = new double[STEPS];
            double[] lo = new double[STEPS];
            double[] hi = new double[STEPS];
            for (int t = 0; t < STEPS; t++) {
                c[t] = 10 * Math.exp(-0.05 * (k + 1) * t);
                lo[t] = 0.7 * c[t];
                hi[t] = 1.3 * c[t];
            }
            bands.add(Band.overIterations(PALETTE.labels().get(k), c, lo, hi));
        }
        return bands;
    }

    private static List<Band> margins() {
        List<Band> bands = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] m = new double[STEPS];
            double[] half = new double[STEPS];
            for (int t = 0; t < STEPS; t++) {
                m[t] = (k - 1) * (1 - Math.exp(-0.1 * t));
                half[t] = 0.2;
            }
            bands.add(Band.symmetric(PALETTE.labels().get(k), iterations(), m, half));
        }
        return bands;
    }

    private static double[] iterations() {
        double[] x = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            x[t] = t;
        }
        return x;
    }

    private static List<Line> centres(List<Band> bands) {
        return bands.stream().map(b -> new Line(b.label(), b.x(), b.center())).toList();
    }

    /** The wall-clock axis is in µs, ms or s so that its numbers read (issue 12: "0E0, 2E-5" on a seconds axis). */
    @Test
    void wallClockAxisPicksAReadableUnit() {
        double[] y = {1.0, 0.5, 0.25};
        for (double[] c : new double[][] {{2e-5, 20, 0}, {0.4, 400, 1}, {3.0, 3, 2}}) {
            double[] x = {0, c[0] / 2, c[0]};
            JFreeChart chart = Charts.objectiveVsWallClock("t", List.of(new Band("L2O", x, y, y, y)), Scale.LOG,
                    PALETTE);
            String label = chart.getXYPlot().getDomainAxis().getLabel();
            assertEquals(new String[] {"wall-clock (µs)", "wall-clock (ms)", "wall-clock (s)"}[(int) c[2]], label);
            assertEquals(c[1], chart.getXYPlot().getDataset().getXValue(0, 2), 1e-9 * c[1]);
        }
    }
}
