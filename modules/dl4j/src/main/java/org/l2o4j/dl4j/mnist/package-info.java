/**
 * Andrychowicz et al.'s MNIST experiment run in DeepLearning4j: {@link org.l2o4j.dl4j.mnist.MnistMlpNetwork} builds
 * the {@code mnist-mlp} family's network as a DL4J {@code MultiLayerNetwork} on the family's own initial points and
 * minibatches, and {@link org.l2o4j.dl4j.mnist.MnistComparison} trains it with a learned optimizer
 * ({@link org.l2o4j.dl4j.LearnedUpdater}) and with DL4J's tuned Adam, SGD and Nesterov momentum, per iteration and per
 * wall-clock second. {@code l2o dl4j-mnist} runs it into a run folder; docs/dl4j.md reports it.
 */
package org.l2o4j.dl4j.mnist;
