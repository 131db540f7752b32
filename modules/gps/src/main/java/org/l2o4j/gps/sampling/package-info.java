/**
 * Trajectory sampling for guided policy search (gps.md §4.1, §3 "D_m ← N rollouts of p_m"): N rollouts per
 * condition of a time-varying linear-Gaussian controller, u_t = K_t s_t + k_t + L_t ξ_t with fresh ξ_t ~ N(0, I), or
 * of the global policy, u_t = μ_θ(o_t) + σ ⊙ ξ_t, for evaluation. The noise of each condition comes from its own
 * stream derived from (seed, iteration, condition), so conditions may run on any number of threads and give the same
 * {@link org.l2o4j.gps.sampling.SampleBatch}es.
 */
package org.l2o4j.gps.sampling;
