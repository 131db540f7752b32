package org.l2o4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class InlineSvgTest {

    private static final String SVG = "<?xml version=\"1.0\"?><!-- drawn by hand -->"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"900\" "
            + "height=\"600\" onload=\"alert(1)\"><defs id=\"defs1\"><clipPath id=\"clipPath1\"><rect width=\"5\" "
            + "height=\"5\"/></clipPath></defs><script>alert(2)</script>"
            + "<g clip-path=\"url(#clipPath1)\" style=\"fill: url( #clipPath1 ); stroke: url(http://example.org/x)\">"
            + "<use xlink:href=\"#clipPath1\"/><use xlink:href=\"http://example.org/y.svg#a\"/>"
            + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"
            + "<text onclick=\"x()\">a &lt; b</text></g></svg>";

    @Test
    void idsAndEveryReferenceToThemArePrefixed() throws Exception {
        Element svg = parse(InlineSvg.inline(SVG.getBytes(StandardCharsets.UTF_8), "r1-f2", "objective-mean"));
        assertEquals(List.of("r1-f2-defs1", "r1-f2-clipPath1"), values(svg, "id"));
        Element g = (Element) svg.getElementsByTagNameNS("*", "g").item(0);
        assertEquals("url(#r1-f2-clipPath1)", g.getAttribute("clip-path"));
        assertEquals("fill: url(#r1-f2-clipPath1); stroke: none", g.getAttribute("style"),
                "a reference outside the figure is dropped, one inside follows its id");
        NodeList uses = svg.getElementsByTagNameNS("*", "use");
        assertEquals("#r1-f2-clipPath1", ((Element) uses.item(0)).getAttributeNS("http://www.w3.org/1999/xlink",
                "href"));
        assertFalse(((Element) uses.item(1)).hasAttributeNS("http://www.w3.org/1999/xlink", "href"),
                "a link to an outside document is removed");
    }

    @Test
    void nothingThatRunsOrFetchesSurvives() throws Exception {
        String out = InlineSvg.inline(SVG.getBytes(StandardCharsets.UTF_8), "a", "figure");
        for (String gone : List.of("<script", "alert", "onload", "onclick", "foreignObject", "example.org", "<?xml",
                "<!--")) {
            assertFalse(out.contains(gone), gone + " in " + out);
        }
        assertTrue(out.contains("a &lt; b"), "text stays escaped: " + out);
    }

    @Test
    void aViewBoxLetsTheFigureScaleAndItIsNamedForReaders() throws Exception {
        Element svg = parse(InlineSvg.inline(SVG.getBytes(StandardCharsets.UTF_8), "a", "objective-mean"));
        assertEquals("0 0 900 600", svg.getAttribute("viewBox"));
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("objective-mean", svg.getAttribute("aria-label"));
    }

    @Test
    void aBatikFigureKeepsItsClipPathsConnected() throws Exception {
        JFreeChart chart = Charts.xy(Labels.of("t", "x", "y"), List.of(new Line("a", new double[] {0, 1, 2},
                new double[] {1, 4, 2})), Charts.Marks.LINES, Scale.LINEAR, Palette.of("a"));
        byte[] drawn = Figures.svg(chart, 300, 200);
        Element svg = parse(InlineSvg.inline(drawn, "p", "f"));
        List<String> ids = values(svg, "id");
        assertFalse(ids.isEmpty(), "Batik names its clip paths");
        assertTrue(ids.stream().allMatch(id -> id.startsWith("p-")), ids.toString());
        List<String> references = new ArrayList<>();
        for (String v : values(svg, "clip-path")) {
            references.add(v.substring("url(#".length(), v.length() - 1));
        }
        assertFalse(references.isEmpty());
        assertTrue(ids.containsAll(references), "every clip-path names an id of the figure: " + references);
    }

    @Test
    void damagedDocumentsAreRefusedInOneLine() {
        IllegalArgumentException notXml = assertThrows(IllegalArgumentException.class,
                () -> InlineSvg.inline("<svg><g></svg>".getBytes(StandardCharsets.UTF_8), "a", "f"));
        assertTrue(notXml.getMessage().startsWith("not a well-formed SVG document"), notXml.getMessage());
        assertFalse(notXml.getMessage().contains("\n"));
        IllegalArgumentException notSvg = assertThrows(IllegalArgumentException.class,
                () -> InlineSvg.inline("<html/>".getBytes(StandardCharsets.UTF_8), "a", "f"));
        assertEquals("not an SVG document (its root element is <html>)", notSvg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.inline(SVG.getBytes(StandardCharsets.UTF_8),
                "1bad\"", "f"));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    /** The values of attribute {@code name} on every element, in document order. */
    private static List<String> values(Element root, String name) {
        List<String> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = -1; i < all.getLength(); i++) {
            Element e = i < 0 ? root : (Element) all.item(i);
            if (e.hasAttribute(name)) {
                out.add(e.getAttribute(name));
            }
        }
        return out;
    }
}
