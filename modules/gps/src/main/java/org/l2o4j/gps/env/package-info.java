/**
 * Guided policy search's view of Li &amp; Malik's optimization MDP (gps.md §2, §7 {@code gps.env}): a
 * {@link org.l2o4j.gps.env.Condition} is one training function with its initial point, and the
 * {@link org.l2o4j.gps.env.L2oEnvironment} steps a batch of such episodes ("lanes") on core's
 * {@link org.l2o4j.core.mdp.OptimizationMdp}, so the features, the evaluation counts and the divergence rule are the
 * ones every other optimizer in L2O4J is measured with. Nothing here re-implements a feature.
 */
package org.l2o4j.gps.env;
