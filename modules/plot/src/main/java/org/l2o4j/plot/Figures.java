package org.l2o4j.plot;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.l2o4j.core.run.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a chart as {@code <name>.png} and {@code <name>.svg}.
 *
 * <p>Both images are rendered in memory before either file is touched, so a chart that fails to draw leaves no file
 * at all; each file is then written atomically ({@link AtomicFiles}), so a reader sees the old figure or the complete
 * new one, never half of it. Missing parent folders are created. The SVG is drawn by Apache Batik (Apache-2.0) with
 * text kept as text, so titles stay searchable and editable.
 */
public final class Figures {

    /** Default width in pixels: wide enough for a legend of several optimizers below the plot. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 600;
    /** Largest accepted side in pixels; a PNG of 10000² is already 400 MB of pixels in memory. */
    public static final int MAX_SIDE = 10_000;

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";
    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

    private Figures() {
    }

    /** Writes {@code folder/baseName.png} and {@code .svg} at {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT}. */
    public static FigureFiles write(JFreeChart chart, Path folder, String baseName) {
        return write(chart, folder, baseName, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes {@code folder/baseName.png} and {@code folder/baseName.svg}, replacing existing files.
     *
     * @throws IllegalArgumentException if the base name is not a plain file name or a side is out of range
     * @throws UncheckedIOException     naming the file, if a file cannot be written
     */
    public static FigureFiles write(JFreeChart chart, Path folder, String baseName, int width, int height) {
        Objects.requireNonNull(folder, "folder");
        requireBaseName(baseName);
        byte[] png = png(chart, width, height);
        byte[] svg = svg(chart, width, height);
        FigureFiles files = new FigureFiles(folder.resolve(baseName + ".png"), folder.resolve(baseName + ".svg"));
        AtomicFiles.write(files.png(), tmp -> Files.write(tmp, png));
        AtomicFiles.write(files.svg(), tmp -> Files.write(tmp, svg));
        return files;
    }

    /** The chart as PNG bytes of {@code width}×{@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        Objects.requireNonNull(chart, "chart");
        requireSize(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + titleOf(chart) + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * The chart as a UTF-8 SVG document whose canvas is {@code width}×{@code height}, without a DOCTYPE: Batik's own
     * serializer declares the SVG 1.0 DTD, which makes every Java XML parser try to fetch it from w3.org and fail
     * offline, while no SVG reader needs it.
     */
    public static byte[] svg(JFreeChart chart, int width, int height) {
        Objects.requireNonNull(chart, "chart");
        requireSize(width, height);
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NAMESPACE, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("Drawn by L2O4J with JFreeChart and Apache Batik");
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        try {
            g2.setSVGCanvasSize(new Dimension(width, height));
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            Element root = g2.getRoot();
            root.setAttributeNS(XMLNS_NAMESPACE, "xmlns", SVG_NAMESPACE);
            root.setAttributeNS(XMLNS_NAMESPACE, "xmlns:xlink", XLINK_NAMESPACE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Transformer serializer = TransformerFactory.newInstance().newTransformer();
            serializer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            serializer.transform(new DOMSource(root), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize chart '" + titleOf(chart) + "' as SVG: "
                    + e.getMessage(), e);
        } finally {
            g2.dispose();
        }
    }

    private static void requireBaseName(String baseName) {
        Objects.requireNonNull(baseName, "baseName");
        if (baseName.isBlank() || baseName.equals(".") || baseName.equals("..") || baseName.contains("/")
                || baseName.contains("\\")) {
            throw new IllegalArgumentException("figure base name '" + baseName + "' must be a plain file name without"
                    + " extension or folder, e.g. \"objective-vs-iteration\"; pass the folder separately");
        }
    }

    private static void requireSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("figure size " + width + "×" + height + " px must be between 1 and "
                    + MAX_SIDE + " on each side");
        }
    }

    private static String titleOf(JFreeChart chart) {
        return chart.getTitle() == null ? "" : chart.getTitle().getText();
    }
}
