/**
 * Dense linear algebra for GPS's per-time-step blocks, on row-major {@code double[]}: {@link org.l2o4j.gps.linalg.Spd}
 * (Cholesky with failure as a value, triangular solves, inverses and log-determinants from the factor, exactly
 * symmetric congruences A S Aᵀ and Aᵀ S A) and {@link org.l2o4j.gps.linalg.Matrices} (general products). Never invert
 * where a solve will do.
 */
package org.l2o4j.gps.linalg;
