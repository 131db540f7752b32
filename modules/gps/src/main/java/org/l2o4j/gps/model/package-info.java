/**
 * Immutable value types of guided policy search's trajectory side (gps.md §7 {@code gps.model}): the time-varying
 * linear-Gaussian controller, the fitted linear-Gaussian dynamics, the quadratic cost and the Gaussian state–action
 * marginals. All matrices are row-major {@code double[]} with time first and y = [s; u] ordering.
 */
package org.l2o4j.gps.model;
