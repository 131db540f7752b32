/**
 * The spark engine: {@link org.l2o4j.core.engine.Unit}s as Spark tasks, one partition each, gathered in order, so a
 * run on Spark gives the same results as on the local engine (docs/spark.md).
 */
package org.l2o4j.spark;
