/**
 * Costs for guided policy search (gps.md §4.2, §7 {@code gps.cost}): the {@link org.l2o4j.gps.cost.CostFunction}
 * extension point, the L2O objective-value cost, and the quadraticizer that averages per-sample expansions into the
 * global quadratic the LQG step consumes.
 */
package org.l2o4j.gps.cost;
