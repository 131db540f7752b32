/**
 * {@code l2o report}: run folders as self-contained HTML pages. {@link org.l2o4j.report.RunReader} reads a comparison's
 * or a training's files into a {@link org.l2o4j.report.RunReport}; {@link org.l2o4j.report.HtmlReport} renders one
 * or several side by side, with figures as inline SVG whose ids are made unique per figure, no script, and a
 * Content-Security-Policy that lets nothing be fetched.
 */
package org.l2o4j.report;
