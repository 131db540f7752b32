/**
 * The two-moons classification task of Maheswaranathan et al. 2021 (papers.md §3.1; renn {@code metaopt/tasks.py}):
 * a fixed data set made like scikit-learn's {@code make_moons} ({@link org.l2o4j.problems.moons.MoonsDataset}), a
 * tanh MLP with one logit output trained full-batch on the logistic loss plus a norm penalty
 * ({@link org.l2o4j.problems.moons.TanhMlpObjective}), and problems that differ only in the network's initial
 * parameters ({@link org.l2o4j.problems.moons.TwoMoonsMlp}). The objective is shared by every problem of a family,
 * so the per-thread backpropagation buffers exist once per thread, not once per problem and thread.
 */
package org.l2o4j.problems.moons;
