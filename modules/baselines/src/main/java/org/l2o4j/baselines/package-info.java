/**
 * Hand-designed optimizers, the baselines every learned optimizer is compared with, and what they share.
 *
 * <p>The optimizers themselves live in {@code optimizers} (first-order methods as one loop over the whole batch,
 * line-search methods one state per problem), the strong-Wolfe and Armijo line searches they share in
 * {@code linesearch}, and the grid search that tunes them on training functions in {@code tuning}. This package
 * holds the pieces common to all of them: {@link org.l2o4j.baselines.BaselineOptimizer} (registered name and
 * hyperparameter record), {@link org.l2o4j.baselines.BaselineProvider} (registration and configuration),
 * {@link org.l2o4j.baselines.Grids} (the default tuning grids) and {@link org.l2o4j.baselines.HyperparameterChecks}
 * (validation with messages that name the bad value).
 *
 * <p>Every optimizer is configured by a record of hyperparameters whose defaults are the published values (each
 * record's Javadoc cites its source) and is registered in {@code META-INF/services} under its name, so that
 * {@link org.l2o4j.core.catalog.Catalog#optimizer(String, java.util.Map)} finds it.
 */
package org.l2o4j.baselines;
