/**
 * The guided-policy-search outer loop (gps.md §3, §7 {@code gps.algorithm}): {@link org.l2o4j.gps.algorithm.GpsConfig}
 * (every hyperparameter, defaulting to Li &amp; Malik's released configuration, gps.md §6),
 * {@link org.l2o4j.gps.algorithm.ConditionState} (what each condition carries between iterations),
 * {@link org.l2o4j.gps.algorithm.Mdgps} (one mirror-descent GPS iteration, Montgomery &amp; Levine 2016),
 * {@link org.l2o4j.gps.algorithm.GuidedPolicySearch} (the trainer: iterations, listener, checkpoint and resume) and
 * {@link org.l2o4j.gps.algorithm.PolicyEvaluation} (the global policy's cost on conditions, through core's rollout
 * engine). The BADMM coupling that Li &amp; Malik ran (gps.md §1, §4.11) is not implemented yet.
 */
package org.l2o4j.gps.algorithm;
