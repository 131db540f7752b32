/**
 * Dense linear algebra for GPS's per-time-step blocks, on row-major {@code double[]}: Cholesky with failure as a value,
 * triangular solves, inverses and log-determinants from the factor. Never invert where a solve will do.
 */
package org.l2o4j.gps.linalg;
