package org.l2o4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path dir;

    @Test
    void writesPngAndSvgCreatingMissingParents() throws Exception {
        Path folder = dir.resolve("runs/exp/figures");
        FigureFiles files = Figures.write(simpleChart("Simple"), folder, "simple", 320, 200);
        assertEquals(folder.resolve("simple.png"), files.png());
        assertEquals(folder.resolve("simple.svg"), files.svg());
        FigureAssertions.assertPng(files.png(), 320, 200);
        FigureAssertions.assertSvg(files.svg(), 320, 200, "Simple");
        assertEquals(List.of("simple.png", "simple.svg"), names(folder));
    }

    @Test
    void defaultSizeIs900By600AndRewritingReplaces() throws Exception {
        Figures.write(simpleChart("First"), dir, "fig");
        FigureFiles files = Figures.write(simpleChart("Second"), dir, "fig");
        FigureAssertions.assertPng(files.png(), Figures.DEFAULT_WIDTH, Figures.DEFAULT_HEIGHT);
        FigureAssertions.assertSvg(files.svg(), Figures.DEFAULT_WIDTH, Figures.DEFAULT_HEIGHT, "Second");
        assertEquals(List.of("fig.png", "fig.svg"), names(dir));
    }

    @Test
    void folderThatCannotBeCreatedFailsNamingThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path folder = file.resolve("figures");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Figures.write(simpleChart("T"), folder, "fig", 100, 80));
        assertTrue(e.getMessage().contains(folder.resolve("fig.png").toString()), e.getMessage());
        assertEquals(List.of("not-a-folder"), names(dir));
    }

    @Test
    void failedMoveLeavesNoPartialOrTemporaryFile() throws IOException {
        // A non-empty folder where the PNG should go: the temp file is written, then cannot replace it.
        Path occupied = Files.createDirectories(dir.resolve("fig.png"));
        Files.writeString(occupied.resolve("keep"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Figures.write(simpleChart("T"), dir, "fig", 100, 80));
        assertTrue(e.getMessage().contains(occupied.toString()), e.getMessage());
        assertEquals(List.of("fig.png"), names(dir));
        assertEquals(List.of("keep"), names(occupied));
    }

    @Test
    void chartThatFailsToDrawWritesNothing() {
        XYPlot broken = new XYPlot() {
            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                    PlotRenderingInfo info) {
                throw new IllegalStateException("renderer bug");
            }
        };
        assertThrows(IllegalStateException.class, () -> Figures.write(new JFreeChart(broken), dir, "fig"));
        assertFalse(Files.exists(dir.resolve("fig.png")) || Files.exists(dir.resolve("fig.svg")));
    }

    @Test
    void badNamesAndSizesAreRejected() {
        JFreeChart chart = simpleChart("T");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figures.write(chart, dir, "sub/fig"));
        assertTrue(e.getMessage().contains("sub/fig"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figures.write(chart, dir, " "));
        assertThrows(IllegalArgumentException.class, () -> Figures.png(chart, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> Figures.svg(chart, 100, Figures.MAX_SIDE + 1));
    }

    private static JFreeChart simpleChart(String title) {
        XYSeries series = new XYSeries("s");
        for (int i = 0; i < 10; i++) {
            series.add(i, i * i);
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"),
                new XYLineAndShapeRenderer());
        return new JFreeChart(title, plot);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
