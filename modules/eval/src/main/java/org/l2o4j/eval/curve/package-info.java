/**
 * Learning curves of meta-training: the held-out scores of the checkpoints a training run kept, against the
 * problem-steps and wall-clock its log says it had spent, aggregated over meta-training seeds.
 */
package org.l2o4j.eval.curve;
