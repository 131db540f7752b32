/**
 * Running the analyses of {@link org.l2o4j.analysis.dynamics} on a trained optimizer and writing what they find: the
 * numbers as CSV and JSON and every figure as PNG and SVG, in a run folder's {@code analysis/}.
 */
package org.l2o4j.analysis.report;
