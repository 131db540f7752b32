/**
 * The optimization MDP of {@code org.l2o4j.core.mdp} behind RL4J 1.0.0-M1.1's {@code MDP} interface (deps.md, "RL4J
 * M1.1: the custom-MDP contract"), so that RL4J's agents (DQN, A3C, n-step Q) can act on it.
 *
 * <p><b>What this can and cannot train.</b> RL4J has discrete actions only ({@code DiscreteSpace}); Li &amp; Malik's
 * policy outputs a continuous step Δx ∈ R^d (papers.md §1.1), so RL4J cannot train it. Here an action is an index into
 * a fixed list of step rules, by default gradient steps −α_k·∇f(x_t) with α_k on a log grid: an RL4J agent trained on
 * this environment is a learned step-size controller, a baseline beside the continuous learned optimizer, not a
 * replacement for it.
 */
package org.l2o4j.rl4j;
