/**
 * The three problem families of Li &amp; Malik, "Learning to Optimize" (ICLR 2017, §6): logistic regression (convex),
 * robust linear regression with the Geman–McClure loss (non-convex), and a two-layer ReLU classifier (many local
 * minima). Each sampled function is one random data set drawn by {@link org.l2o4j.problems.GaussianClusters}; the
 * splits default to the paper's 90/100, 120/100 and 80/100 functions. Settings the paper leaves open (noise level,
 * covariance shape, distribution of x(0)) are config keys whose defaults are documented on each config record.
 */
package org.l2o4j.problems.limalik;
