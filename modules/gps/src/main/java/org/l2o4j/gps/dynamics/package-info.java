/**
 * Dynamics fitting for guided policy search (gps.md §4.3–§4.4; Levine &amp; Abbeel 2014; Levine et al. 2016 App. A.3):
 * per-time-step Gaussian conditioning of [s_t; u_t] → s_{t+1} under a normal-inverse-Wishart prior whose
 * hyperparameters come from a Gaussian mixture fitted to recent transitions.
 *
 * <ul>
 *   <li>{@link org.l2o4j.gps.dynamics.GaussianConditioner}: the NIW posterior and the linear-Gaussian conditional,
 *       general in the block sizes so the policy linearizer (gps.md §4.9) can share it.</li>
 *   <li>{@link org.l2o4j.gps.dynamics.PriorProvider} with {@link org.l2o4j.gps.dynamics.NoPrior} and
 *       {@link org.l2o4j.gps.dynamics.GmmPrior}; {@link org.l2o4j.gps.dynamics.GaussianMixture} is the EM.</li>
 *   <li>{@link org.l2o4j.gps.dynamics.DynamicsFitter} turns sampled trajectories into
 *       {@link org.l2o4j.gps.dynamics.FittedDynamics}.</li>
 * </ul>
 *
 * All matrices are dense row-major {@code double[]} (entry (i, j) of an r × c matrix at {@code i*c + j}), as in
 * {@link org.l2o4j.gps.linalg.Spd}. The reference implementation (cbfinn/gps) differs from the clean formulas in a few
 * places (gps-fixtures/README.md §7); {@link org.l2o4j.gps.dynamics.DynamicsConfig#cbfinnCompatible()} and
 * {@link org.l2o4j.gps.dynamics.GmmPriorConfig#cbfinnCompatible()} reproduce them for golden tests and are off by
 * default.
 */
package org.l2o4j.gps.dynamics;
