/**
 * GPS's trajectory optimization, the C-step (gps.md §4.5–§4.8, §7 {@code gps.trajopt}; Levine &amp; Abbeel 2014
 * §3.1; Levine et al. 2016 App. A): the forward pass to Gaussian marginals, the Laplace expected cost, KL between
 * linear-Gaussian controllers, the augmented cost shared by local-only, MDGPS and BADMM, the LQG backward pass with
 * non-PD handling, the η dual search and the step-size rule.
 */
package org.l2o4j.gps.trajopt;
