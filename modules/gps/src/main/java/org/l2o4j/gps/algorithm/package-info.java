/**
 * The guided-policy-search outer loop (gps.md §3, §7 {@code gps.algorithm}): {@link org.l2o4j.gps.algorithm.GpsConfig}
 * (every hyperparameter, defaulting to Li &amp; Malik's released configuration, gps.md §6),
 * {@link org.l2o4j.gps.algorithm.ConditionState} (what each condition carries between iterations),
 * {@link org.l2o4j.gps.algorithm.CouplingStrategy} (one GPS iteration) with its two implementations,
 * {@link org.l2o4j.gps.algorithm.Mdgps} (mirror descent, Montgomery &amp; Levine 2016; the default) and
 * {@link org.l2o4j.gps.algorithm.Badmm} (Bregman ADMM, Levine et al. 2016, which Li &amp; Malik ran; its settings in
 * {@link org.l2o4j.gps.algorithm.BadmmConfig}, its per-condition duals in {@link org.l2o4j.gps.algorithm.BadmmDuals}),
 * built on a shared package-private core (sampling, fits, linearization, C-step, S-step),
 * {@link org.l2o4j.gps.algorithm.GuidedPolicySearch} (the trainer: iterations, listener, checkpoint and resume) and
 * {@link org.l2o4j.gps.algorithm.PolicyEvaluation} (the global policy's cost on conditions, through core's rollout
 * engine).
 */
package org.l2o4j.gps.algorithm;
