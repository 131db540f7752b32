/**
 * Neural policies for learned optimizers and their training by supervised regression.
 *
 * <ul>
 *   <li>{@link org.l2o4j.policy.Policy}: a conditional Gaussian with a batched mean and a state-independent diagonal
 *       variance, the form of Li &amp; Malik's policy (papers.md §1.1, §1.3).</li>
 *   <li>{@link org.l2o4j.policy.GaussianMlpPolicy}: Li &amp; Malik's one-hidden-layer softplus network (§5 of the
 *       paper; gps.md §2), with its forward pass on plain {@code double[]} loops, the rollout hot path.</li>
 *   <li>{@link org.l2o4j.policy.Nd4jMlpForward}: the same forward pass on ND4J, for large batches.</li>
 *   <li>{@link org.l2o4j.policy.PrecisionWeightedLoss} and {@link org.l2o4j.policy.WeightedPolicyRegression}: the
 *       GPS S-step (gps.md §4.10), a hand-written batched backward pass and Adam.</li>
 *   <li>{@link org.l2o4j.policy.PolicyCheckpoint}: versioned JSON checkpoints that old releases' files keep
 *       loading from.</li>
 * </ul>
 */
package org.l2o4j.policy;
