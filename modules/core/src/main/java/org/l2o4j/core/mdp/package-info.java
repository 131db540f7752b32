/**
 * Li &amp; Malik's optimization MDP (papers.md §1.1–§1.2; gps.md §2): the state is the current iterate plus an
 * H-step history of objective values, gradients and steps; the action is the step Δx; the cost is f(x_t).
 *
 * <ul>
 *   <li>{@link org.l2o4j.core.mdp.FeaturePreset}: which features, in which order (the paper's, or the released
 *       code's), and {@link org.l2o4j.core.mdp.FeatureLayout}, where each block sits in the state and observation.</li>
 *   <li>{@link org.l2o4j.core.mdp.FeatureHistory}: the features of n problems kept in flat ring buffers.</li>
 *   <li>{@link org.l2o4j.core.mdp.OptimizationMdp}: reset / step / cost over a charged
 *       {@link org.l2o4j.core.rollout.ProblemBatch}, for meta-trainers (GPS samples, RL agents).</li>
 *   <li>{@link org.l2o4j.core.mdp.FeatureDrivenOptimizer}: any observation → step function
 *       ({@link org.l2o4j.core.mdp.StepRule}) run as an ordinary {@link org.l2o4j.core.optimizer.Optimizer}, so a
 *       learned policy is evaluated by the same rollout engine as the baselines.</li>
 * </ul>
 */
package org.l2o4j.core.mdp;
