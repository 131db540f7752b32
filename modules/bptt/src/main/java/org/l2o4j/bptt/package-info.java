/**
 * Meta-training of recurrent learned optimizers by truncated backpropagation through the unrolled optimization
 * (Andrychowicz et al. 2016, papers.md §2; Maheswaranathan et al. 2021, §3), and the trained networks as ordinary
 * optimizers.
 *
 * <ul>
 *   <li>{@link org.l2o4j.bptt.BpttTrainer} with {@link org.l2o4j.bptt.BpttConfig}: the training loop, validation,
 *       checkpoints and resume; {@link org.l2o4j.bptt.EpochRecord} is a row of its log.</li>
 *   <li>{@link org.l2o4j.bptt.Unroll}: one unroll's meta-loss and meta-gradient, batched over every coordinate of
 *       every problem; {@link org.l2o4j.bptt.MetaAdam}, the meta-optimizer.</li>
 *   <li>{@link org.l2o4j.bptt.RecurrentLearnedOptimizer}, registered by
 *       {@link org.l2o4j.bptt.RecurrentOptimizerProvider} as {@code lstm-optimizer} and {@code gru-optimizer}.</li>
 * </ul>
 * The networks themselves live in {@code org.l2o4j.policy.recurrent}.
 */
package org.l2o4j.bptt;
