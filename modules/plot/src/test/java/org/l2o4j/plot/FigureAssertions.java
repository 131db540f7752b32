package org.l2o4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Checks that written figures are real images, shared by the tests of every chart factory. */
public final class FigureAssertions {

    /** Fewer colours than this means a blank or single-colour image, not a chart. */
    private static final int MIN_DISTINCT_COLOURS = 5;

    private FigureAssertions() {
    }

    /** The PNG decodes, has the requested size and is not uniform. */
    public static BufferedImage assertPng(Path png, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " exists");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " decodes as an image");
        assertEquals(width, image.getWidth(), "width of " + png);
        assertEquals(height, image.getHeight(), "height of " + png);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() >= MIN_DISTINCT_COLOURS, png + " has only " + colours.size() + " colours");
        return image;
    }

    /** The SVG parses as XML with root {@code svg} of the requested size and contains {@code title} as text. */
    public static Document assertSvg(Path svg, int width, int height, String title)
            throws IOException, ParserConfigurationException, SAXException {
        assertTrue(Files.isRegularFile(svg), svg + " exists");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(String.valueOf(width), root.getAttribute("width"));
        assertEquals(String.valueOf(height), root.getAttribute("height"));
        assertTrue(root.getTextContent().contains(title), svg + " contains the title '" + title + "'");
        return document;
    }
}
