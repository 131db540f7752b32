/**
 * The outer loop every gradient-based meta-trainer shares (one learner, many estimates; learned_optimization's
 * {@code GradientLearner} vs {@code GradientEstimator}): {@link org.l2o4j.core.training.gradient.GradientMetaTrainer}
 * owns the meta-optimizer ({@link org.l2o4j.core.training.gradient.MetaAdam}), clipping, the NaN guard,
 * validation-best selection, checkpoints, the log and progress; a
 * {@link org.l2o4j.core.training.gradient.GradientEstimator} owns one thing, the estimate of the meta-gradient
 * (truncated backpropagation through the unrolled optimization, evolution strategies, a policy gradient).
 */
package org.l2o4j.core.training.gradient;
