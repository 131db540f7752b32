/**
 * {@code l2o sweep}: one experiment at many points (seeds, or values of its settings), each point a
 * {@link org.l2o4j.core.engine.Unit} that runs the whole experiment where the engine places it, and one table and
 * figure across the points.
 */
package org.l2o4j.eval.sweep;
