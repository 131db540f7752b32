/**
 * RL4J's DQN as a meta-trainer of a learned step-size controller on Li &amp; Malik's optimization MDP
 * ({@code rl4j-dqn-training}), and its greedy policy as an optimizer ({@code dqn-step-control}).
 */
package org.l2o4j.rl4j.dqn;
