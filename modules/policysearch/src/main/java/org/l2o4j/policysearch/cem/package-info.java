/**
 * The cross-entropy method over the policy's weights: the worked example of {@code docs/extending.md}.
 */
package org.l2o4j.policysearch.cem;
