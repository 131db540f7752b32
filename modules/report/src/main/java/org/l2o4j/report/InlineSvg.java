package org.l2o4j.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An SVG document made fit to sit inline in an HTML page beside others. Every figure Batik draws names its clip paths
 * {@code clipPath1}, {@code clipPath2}, ...; in one HTML document ids are global, so the second figure would clip with
 * the first one's paths. Each id therefore gets the figure's own prefix, and every {@code url(#id)} and {@code #id}
 * reference follows it. The figure also gets a {@code viewBox} (so that CSS can scale it to its column), and anything
 * that could run or fetch (scripts, event handlers, foreign objects, outside links) is dropped: a report must open
 * offline and run nothing.
 */
final class InlineSvg {

    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(\\s*#([^)\\s]+)\\s*\\)");

    private InlineSvg() {
    }

    /**
     * The SVG element of {@code svg} serialized without an XML declaration, its ids prefixed with {@code prefix}.
     *
     * @param svg    an SVG document
     * @param prefix letters, digits and dashes, unique within the page
     * @param label  the accessible name of the figure
     * @throws IllegalArgumentException if {@code svg} is not a well-formed SVG document
     */
    static String inline(byte[] svg, String prefix, String label) {
        if (!prefix.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("id prefix '" + prefix + "' must be a letter then letters, digits, "
                    + "dashes");
        }
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            throw new IllegalArgumentException("not an SVG document (its root element is <" + root.getTagName()
                    + ">)");
        }
        sanitize(root, prefix + "-");
        if (!root.hasAttribute("viewBox")) {
            double width = length(root.getAttribute("width"));
            double height = length(root.getAttribute("height"));
            if (width > 0 && height > 0) {
                root.setAttribute("viewBox", String.format(Locale.ROOT, "0 0 %s %s", plain(width), plain(height)));
            }
        }
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", label);
        return serialize(root);
    }

    private static Document parse(byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setExpandEntityReferences(false);
            // A figure written by an older Batik declares the SVG DTD; reading it must never go to the network.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed SVG document (" + firstLine(e.getMessage()) + ")",
                    e);
        }
    }

    private static void sanitize(Element element, String prefix) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> dropped = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String value = a.getValue();
            if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
                dropped.add(a);
            } else if (name.equals("id")) {
                a.setValue(prefix + value);
            } else if (name.equals("href")) {
                if (value.startsWith("#")) {
                    a.setValue("#" + prefix + value.substring(1));
                } else {
                    dropped.add(a);
                }
            } else if (value.contains("url(")) {
                a.setValue(rewriteUrls(value, prefix));
            }
        }
        dropped.forEach(element::removeAttributeNode);
        NodeList children = element.getChildNodes();
        List<Node> removed = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                String tag = (e.getLocalName() == null ? e.getTagName() : e.getLocalName()).toLowerCase(Locale.ROOT);
                if (tag.equals("script") || tag.equals("foreignobject")) {
                    removed.add(e);
                } else {
                    sanitize(e, prefix);
                }
            } else if (child.getNodeType() == Node.COMMENT_NODE
                    || child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                removed.add(child);
            }
        }
        removed.forEach(element::removeChild);
    }

    /** {@code url(#x)} becomes {@code url(#prefix-x)}; a URL outside the figure becomes {@code none}. */
    private static String rewriteUrls(String value, String prefix) {
        Matcher m = URL_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("url(#" + prefix + m.group(1) + ")"));
        }
        m.appendTail(out);
        return out.toString().replaceAll("url\\(\\s*[^#)][^)]*\\)", "none");
    }

    private static double length(String value) {
        Matcher m = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*").matcher(value);
        return m.matches() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String serialize(Element root) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize an SVG element: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
