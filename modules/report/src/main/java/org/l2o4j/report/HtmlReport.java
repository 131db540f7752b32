package org.l2o4j.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;

/**
 * One self-contained HTML page of one run, or of several side by side (one column each). Everything is in the file:
 * figures as inline SVG, the style sheet in a {@code <style>} element, no script at all. A Content-Security-Policy
 * forbids loading anything from outside (scripts, style sheets, fonts, images other than {@code data:}), so the page
 * renders the same offline and cannot leak that it was opened.
 */
public final class HtmlReport {

    /** The policy every page declares: nothing but its own inline style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1b1b;
                   background: #fafafa; }
            header.page { padding: 16px 24px; background: #fff; border-bottom: 1px solid #ddd; }
            header.page h1 { margin: 0 0 4px; font-size: 22px; }
            header.page p { margin: 0; color: #555; }
            main.runs { display: grid; grid-template-columns: repeat(var(--runs), minmax(0, 1fr)); gap: 16px;
                        padding: 16px 24px; }
            article.run { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px;
                          min-width: 0; }
            article.run h2 { margin: 0; font-size: 19px; }
            p.subtitle, p.folder { margin: 2px 0; color: #555; }
            p.folder code { word-break: break-all; }
            section { margin-top: 18px; }
            section h3 { font-size: 16px; margin: 0 0 6px; border-bottom: 1px solid #eee; padding-bottom: 3px; }
            .table-wrap { overflow-x: auto; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
            th, td { border: 1px solid #e2e2e2; padding: 3px 7px; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; font-weight: 600; }
            td.number { text-align: right; white-space: nowrap; }
            p.caption { color: #555; font-size: 12.5px; margin: 4px 0 0; max-width: 70em; }
            .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr));
                       gap: 12px; }
            figure { margin: 0; border: 1px solid #eee; padding: 4px; background: #fff; }
            figure svg { display: block; width: 100%; height: auto; }
            figcaption { font-size: 12px; color: #555; text-align: center; }
            pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 12.5px; }
            details > summary { cursor: pointer; color: #333; }
            """;

    private HtmlReport() {
    }

    /**
     * The page of {@code runs}, one column per run in the given order.
     *
     * @param title the page's heading
     * @param runs  at least one run
     * @throws ConfigException if a figure is not a well-formed SVG document
     */
    public static String page(String title, List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"L2O4J l2o report\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"page\"><h1>").append(escape(title)).append("</h1><p>")
                .append(runs.size() == 1 ? "one run" : runs.size() + " runs side by side")
                .append(", written by <code>l2o report</code> from the run folders' own files</p></header>\n")
                .append("<main class=\"runs\" style=\"--runs: ").append(runs.size()).append("\">\n");
        for (int r = 0; r < runs.size(); r++) {
            article(h, runs.get(r), "r" + (r + 1));
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void article(StringBuilder h, RunReport run, String id) {
        h.append("<article class=\"run ").append(run.kind().name().toLowerCase(Locale.ROOT))
                .append("\" id=\"").append(id).append("\">\n<h2>").append(escape(run.title())).append("</h2>\n")
                .append("<p class=\"subtitle\">").append(escape(run.subtitle())).append("</p>\n")
                .append("<p class=\"folder\">run folder <code>").append(escape(run.folder().toString()))
                .append("</code></p>\n");
        if (!run.tables().isEmpty()) {
            table(h, run.tables().get(0));
        }
        if (!run.figures().isEmpty()) {
            h.append("<section class=\"figures-section\"><h3>Figures</h3>\n<div class=\"figures\">\n");
            for (int f = 0; f < run.figures().size(); f++) {
                RunReport.Figure figure = run.figures().get(f);
                String svg;
                try {
                    svg = InlineSvg.inline(figure.svg(), id + "-f" + (f + 1), figure.name());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("figure '" + figure.name() + "' of " + run.folder() + " is "
                            + e.getMessage() + "; delete it or re-run to draw it again");
                }
                h.append("<figure class=\"figure\" id=\"").append(id).append("-figure-").append(f + 1).append("\">")
                        .append(svg)
                        .append("<figcaption>").append(escape(figure.name())).append("</figcaption></figure>\n");
            }
            h.append("</div></section>\n");
        }
        for (RunReport.Table t : run.tables().subList(Math.min(1, run.tables().size()), run.tables().size())) {
            table(h, t);
        }
        h.append("<section class=\"provenance\"><h3>Provenance</h3>\n<div class=\"table-wrap\"><table>\n");
        for (Map.Entry<String, String> e : run.provenance().entrySet()) {
            h.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table></div></section>\n<section class=\"config\"><h3>Resolved configuration (<code>")
                .append(escape(run.configName())).append("</code>)</h3>\n<pre>").append(escape(run.config()))
                .append("</pre></section>\n</article>\n");
    }

    private static void table(StringBuilder h, RunReport.Table t) {
        h.append("<section class=\"table-section ").append(escape(t.id())).append("\"><h3>").append(escape(t.title()))
                .append("</h3>\n");
        if (t.collapsed()) {
            h.append("<details><summary>").append(t.rows().size()).append(" rows</summary>\n");
        }
        h.append("<div class=\"table-wrap\"><table class=\"").append(escape(t.id())).append("\">\n<thead><tr>");
        for (String c : t.header()) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append(isNumeric(cell) ? "<td class=\"number\">" : "<td>").append(escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (t.collapsed()) {
            h.append("</details>\n");
        }
        if (!t.caption().isEmpty()) {
            h.append("<p class=\"caption\">").append(escape(t.caption())).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static boolean isNumeric(String cell) {
        return !cell.isEmpty() && cell.matches("[-+0-9.eE %/\\[\\],NaIfinty]+") && cell.matches(".*[0-9].*");
    }

    /** Text as HTML character data or a double-quoted attribute value. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
