/**
 * {@code l2o sweep}: one experiment or one training at many points (seeds, replicates, or values of its settings),
 * each point a {@link org.l2o4j.core.engine.Unit} that runs where the engine places it — the whole experiment
 * ({@link org.l2o4j.eval.sweep.SweepUnit}), or the training and then the evaluation of the optimizer it trained
 * ({@link org.l2o4j.eval.sweep.TrainingSweepUnit}) — and one table and figure across the points
 * ({@link org.l2o4j.eval.sweep.SweepSummary}).
 */
package org.l2o4j.eval.sweep;
