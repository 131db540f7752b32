/** Statistics over runs: confidence intervals for means and medians, Li &amp; Malik's margin of victory, win rates. */
package org.l2o4j.eval.stats;
