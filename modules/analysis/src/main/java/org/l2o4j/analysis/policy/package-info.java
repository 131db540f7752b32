/**
 * The questions of the reverse-engineering analyses asked of a feed-forward learned optimizer (Li &amp; Malik's MLP on
 * a history of features, analysis.md): with no hidden recurrence, the history is the state, so the analysis reads the
 * update function in the newest gradient with the history held, the effective learning rate along a run, and the
 * response to a constant gradient (momentum-like accumulation, and adaptation to its size).
 */
package org.l2o4j.analysis.policy;
