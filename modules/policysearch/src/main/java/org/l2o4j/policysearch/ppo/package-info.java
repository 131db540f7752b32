/**
 * Proximal policy optimization (Schulman et al. 2017) of Li &amp; Malik's Gaussian policy on the optimization MDP
 * ({@code ppo-training}): the algorithm over any {@link org.l2o4j.policysearch.ppo.BatchEnvironment}, the optimization
 * MDP as one, and the trainer around them.
 */
package org.l2o4j.policysearch.ppo;
