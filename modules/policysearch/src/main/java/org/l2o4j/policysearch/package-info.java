/**
 * Policy-search meta-trainers for Li &amp; Malik's learned optimizer (the softplus MLP policy on the optimization MDP),
 * each a {@link org.l2o4j.core.training.TrainerProvider} in a package of its own, all sharing
 * {@link org.l2o4j.policysearch.PolicyEpisodes}: the same policy, features and training functions, and one count of
 * the problem-steps spent, the budget every trainer is compared at.
 */
package org.l2o4j.policysearch;
