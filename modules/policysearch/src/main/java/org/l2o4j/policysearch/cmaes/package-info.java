/**
 * Apache Commons Math's CMA-ES with a diagonal covariance over a random subspace of the weights of Li &amp; Malik's
 * policy ({@code cmaes-training}): the black-box baseline of the policy-search bench, stopped by its problem-step
 * budget and resumed by replaying CMA-ES on the fitness values a checkpoint recorded.
 */
package org.l2o4j.policysearch.cmaes;
