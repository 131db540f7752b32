/**
 * A learned optimizer inside DeepLearning4j training: {@link org.l2o4j.dl4j.LearnedUpdater}, a DL4J
 * {@code IUpdater} that runs a trained coordinatewise LSTM or GRU optimizer (a checkpoint file, a training run, or
 * {@code zoo:NAME}) on a {@code MultiLayerNetwork} or {@code ComputationGraph}, and
 * {@link org.l2o4j.dl4j.LearnedGradientUpdater}, its per-block working form, which keeps each coordinate's recurrent
 * state in DL4J's updater state array. A step equals a step of L2O4J's own
 * {@link org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer} on the same gradient, computed by the same kernel.
 * How to use it, and what it costs per step: docs/dl4j.md.
 */
package org.l2o4j.dl4j;
