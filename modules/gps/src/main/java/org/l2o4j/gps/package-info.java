/**
 * Guided policy search for learned optimizers (Levine &amp; Abbeel 2014; Levine et al. 2016; Montgomery &amp; Levine
 * 2016), as Li &amp; Malik used it. The sub-packages follow the algorithm's parts; this package registers the trainer
 * (training kind {@code gps-training}). The trained policy is an optimizer of the policy module
 * ({@code org.l2o4j.policy.LearnedPolicyProvider}), like a policy trained by any other trainer.
 */
package org.l2o4j.gps;
