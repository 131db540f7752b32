/**
 * Figures of L2O4J, drawn with JFreeChart and written as PNG and SVG.
 *
 * <p>This package holds what every figure shares: the plain-data inputs ({@link org.l2o4j.plot.Line},
 * {@link org.l2o4j.plot.Band}, {@link org.l2o4j.plot.PlaneTrajectory}, {@link org.l2o4j.plot.Contour}), the
 * {@link org.l2o4j.plot.Palette} that gives each optimizer one colour across a run, and {@link org.l2o4j.plot.Figures},
 * which writes a chart atomically as {@code name.png} and {@code name.svg}. The charts themselves are built in
 * {@link org.l2o4j.plot.charts}.
 *
 * <p>The module takes plain arrays, not results of other L2O4J modules, so that any experiment (or a test) can draw a
 * figure without running one. Nothing here opens a window: rendering works with {@code java.awt.headless=true}, which
 * tests and the command line set.
 */
package org.l2o4j.plot;
