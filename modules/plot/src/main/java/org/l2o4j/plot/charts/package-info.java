/**
 * Chart factories: each turns plain data from {@link org.l2o4j.plot} into a styled JFreeChart, ready for
 * {@link org.l2o4j.plot.Figures#write}.
 *
 * <p>{@link org.l2o4j.plot.charts.Charts} draws lines and bands against iterations, wall-clock seconds or any other x
 * (the loss, margin-of-victory and example-problem figures, update functions, eigenvalues in the complex plane);
 * {@link org.l2o4j.plot.charts.ContourCharts} shades a function of two variables and draws optimizer trajectories on
 * it. Both share one style (fonts, grid, legend, colours by label) from a package-private helper, so that every figure
 * of a run looks alike and a change of style is made in one place.
 */
package org.l2o4j.plot.charts;
