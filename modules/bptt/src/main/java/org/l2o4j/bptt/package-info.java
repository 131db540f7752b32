/**
 * Meta-training of recurrent learned optimizers by truncated backpropagation through the unrolled optimization
 * (Andrychowicz et al. 2016, papers.md §2; Maheswaranathan et al. 2021, §3), on the shared outer loop of
 * {@code org.l2o4j.core.training.gradient}.
 *
 * <ul>
 *   <li>{@link org.l2o4j.bptt.BpttEstimator}: the meta-gradient estimate, one {@link org.l2o4j.bptt.Unroll} per
 *       meta-step, batched over every coordinate of every problem.</li>
 *   <li>{@link org.l2o4j.bptt.BpttTrainer} with {@link org.l2o4j.bptt.BpttConfig}: the estimator, the validation
 *       functions and the outer loop bound together; registered by {@link org.l2o4j.bptt.BpttTrainerProvider} as the
 *       training kind {@code bptt-training}.</li>
 * </ul>
 * The networks and the optimizers they are ({@code lstm-optimizer}, {@code gru-optimizer}) live in
 * {@code org.l2o4j.policy.recurrent}, beside the networks, however they were trained.
 */
package org.l2o4j.bptt;
