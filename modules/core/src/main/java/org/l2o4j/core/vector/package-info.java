/**
 * Shared pieces of the Vector API kernels: the once-per-JVM decision whether they may run ({@link
 * org.l2o4j.core.vector.VectorApi}) and reproducible vector e^x and log1p ({@link org.l2o4j.core.vector.VectorMath}).
 */
package org.l2o4j.core.vector;
