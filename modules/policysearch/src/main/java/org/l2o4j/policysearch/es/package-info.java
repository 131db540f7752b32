/**
 * Evolution strategies over the weights of Li &amp; Malik's policy, as meta-gradient estimators on the shared outer
 * loop: antithetic full-episode ES ({@code es-training}) and persistent ES on truncated episodes (Vicol, Metz &amp;
 * Sohl-Dickstein 2021; {@code pes-training}). policy-search.md gives the estimators.
 */
package org.l2o4j.policysearch.es;
