/**
 * The rollout engine: a {@link org.l2o4j.core.rollout.ProblemBatch} advances many problems together and charges
 * every evaluation; {@link org.l2o4j.core.rollout.Rollout} drives an optimizer over it and records each iteration.
 */
package org.l2o4j.core.rollout;
