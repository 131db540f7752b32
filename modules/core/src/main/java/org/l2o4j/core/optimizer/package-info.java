/**
 * The {@link org.l2o4j.core.optimizer.Optimizer} contract shared by hand-designed and learned optimizers: immutable
 * configuration that starts a mutable {@link org.l2o4j.core.optimizer.OptimizerState} on a batch of problems.
 */
package org.l2o4j.core.optimizer;
