package org.l2o4j.plot.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.plot.Contour;
import org.l2o4j.plot.FigureAssertions;
import org.l2o4j.plot.FigureFiles;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Grid;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.PlaneTrajectory;

class ContourChartsTest {

    /** Rosenbrock's function, minimum 0 at (1, 1). */
    private static final DoubleBinaryOperator ROSENBROCK =
            (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    /** 41 cells of 0.1 × 0.1, so that (1, 1) is the centre of a cell. */
    private static final Grid GRID = new Grid(-2.05, 2.05, -0.95, 3.15, 41);
    private static final Palette PALETTE = Palette.of("L2O", "GD");
    private static final String TITLE = "Rosenbrock";

    @TempDir
    Path dir;

    @Test
    void gridHasResolutionSquaredCellsWithTheMinimumAtOneOne() {
        XYPlot plot = chart(List.of(gradientDescent())).getXYPlot();
        XYZDataset cells = assertInstanceOf(XYZDataset.class, plot.getDataset(0));
        assertEquals(41 * 41, cells.getItemCount(0));
        int best = 0;
        for (int k = 1; k < cells.getItemCount(0); k++) {
            if (cells.getZValue(0, k) < cells.getZValue(0, best)) {
                best = k;
            }
        }
        assertEquals(1.0, cells.getXValue(0, best), 1e-9);
        assertEquals(1.0, cells.getYValue(0, best), 1e-9);
        assertEquals(Math.log10(1e-12), cells.getZValue(0, best), 1e-6, "the transform was applied");
        assertInstanceOf(XYBlockRenderer.class, plot.getRenderer(0));
        assertEquals(GRID.xMin(), plot.getDomainAxis().getLowerBound(), 1e-12);
        assertEquals(GRID.yMax(), plot.getRangeAxis().getUpperBound(), 1e-12);
    }

    @Test
    void trajectoriesAreSeriesWithTheGivenPoints() {
        PlaneTrajectory gd = gradientDescent();
        PlaneTrajectory diverged = new PlaneTrajectory("L2O", new double[][] {{0, 0}, {Double.POSITIVE_INFINITY, 1}});
        XYPlot plot = chart(List.of(gd, diverged)).getXYPlot();
        XYDataset paths = plot.getDataset(1);
        assertEquals(2, paths.getSeriesCount());
        assertEquals("GD", paths.getSeriesKey(0).toString());
        assertEquals(gd.size(), paths.getItemCount(0));
        for (int i = 0; i < gd.size(); i++) {
            assertEquals(gd.point(i)[0], paths.getXValue(0, i));
            assertEquals(gd.point(i)[1], paths.getYValue(0, i));
        }
        assertTrue(Double.isNaN(paths.getXValue(1, 1)), "a non-finite coordinate becomes a gap");
        assertEquals(PALETTE.colorOf("L2O"), plot.getRenderer(1).getSeriesPaint(1));
        LegendItemCollection legend = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertEquals(List.of("GD", "L2O", "start", "end"), labels);
    }

    @Test
    void writesPngAndSvgWithAColourBar() throws Exception {
        JFreeChart chart = chart(List.of(gradientDescent()));
        assertTrue(chart.getSubtitles().stream().anyMatch(PaintScaleLegend.class::isInstance));
        FigureFiles files = Figures.write(chart, dir, "contour", 500, 400);
        FigureAssertions.assertPng(files.png(), 500, 400);
        FigureAssertions.assertSvg(files.svg(), 500, 400, TITLE);
    }

    @Test
    void minimumIsDrawnDarkerThanTheSteepCorner() {
        JFreeChart chart = chart(List.of());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(500, 400, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        assertTrue(brightness(pixelAt(image, plot, area, 1, 1)) < brightness(pixelAt(image, plot, area, -1.9, -0.8)));
    }

    @Test
    void paintScaleBandsAreDarkAtTheMinimumAndWhiteWithoutValue() {
        BandedPaintScale scale = new BandedPaintScale(0, 10, ContourCharts.LEVELS);
        Color low = (Color) scale.getPaint(0);
        Color high = (Color) scale.getPaint(10);
        assertTrue(brightness(low) < brightness(high));
        assertEquals(low, scale.getPaint(-5), "values below the scale get the lowest band");
        assertEquals(scale.getPaint(0.1), scale.getPaint(0.2), "one band holds nearby values");
        assertEquals(BandedPaintScale.NO_VALUE, scale.getPaint(Double.NaN));
    }

    @Test
    void functionWithoutAnyFiniteValueIsRejected() {
        Contour nowhere = Contour.of("log of negative", (x, y) -> -1, GRID).withTransform(Math::log, "log f");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContourCharts.contour(nowhere, List.of(), PALETTE));
        assertTrue(e.getMessage().contains("log of negative"), e.getMessage());
    }

    private static JFreeChart chart(List<PlaneTrajectory> trajectories) {
        Contour contour = Contour.of(TITLE, ROSENBROCK, GRID).withTransform(v -> Math.log10(v + 1e-12),
                "log10(f + 1e-12)");
        return ContourCharts.contour(contour, trajectories, PALETTE);
    }

    /** Twenty plain gradient steps from (-1.5, 2). */
    private static PlaneTrajectory gradientDescent() {
        double[][] points = new double[20][];
        double x = -1.5;
        double y = 2.0;
        for (int t = 0; t < points.length; t++) {
            points[t] = new double[] {x, y};
            double gx = -2 * (1 - x) - 400 * x * (y - x * x);
            double gy = 200 * (y - x * x);
            x -= 1e-3 * gx;
            y -= 1e-3 * gy;
        }
        return new PlaneTrajectory("GD", points);
    }

    private static Color pixelAt(BufferedImage image, XYPlot plot, Rectangle2D area, double x, double y) {
        double px = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        return new Color(image.getRGB((int) px, (int) py));
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
