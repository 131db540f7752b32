/**
 * Guided policy search for learned optimizers (Levine &amp; Abbeel 2014; Levine et al. 2016; Montgomery &amp; Levine
 * 2016), as Li &amp; Malik used it. The sub-packages follow the algorithm's parts; this package registers a trained
 * policy as an optimizer ({@link org.l2o4j.gps.LearnedPolicyProvider}).
 */
package org.l2o4j.gps;
