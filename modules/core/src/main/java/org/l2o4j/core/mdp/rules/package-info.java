/**
 * Hand-written {@link org.l2o4j.core.mdp.StepRule}s that read only the observation: gradient descent from the
 * current-gradient slot, and heavy-ball momentum from the gradient history (gps.md §4.12). They are the features'
 * sanity checks (a policy that can read its features can at least do this) and the starting controllers of GPS.
 */
package org.l2o4j.core.mdp.rules;
