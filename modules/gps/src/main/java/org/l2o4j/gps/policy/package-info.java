/**
 * The global policy as guided policy search sees it (gps.md §4.9, §7 {@code gps.policy}): any
 * {@link org.l2o4j.policy.Policy} of the policy module (batched mean and diagonal variance of π_θ(u | o)), turned by
 * {@link org.l2o4j.gps.policy.PolicyLinearizer} into a time-varying linear-Gaussian controller π̄(u | s, t) on the full
 * state around a condition's samples, under a Gaussian-mixture prior. Training the network (the S-step) lives in the
 * policy module, and so does {@code PolicyStepRule}, which runs a trained policy's mean action as an ordinary optimizer.
 */
package org.l2o4j.gps.policy;
