/**
 * Tuning of baselines on <em>training</em> functions, frozen before any test function is seen (design.md, "Tuned
 * baselines"): {@link org.l2o4j.baselines.tuning.GridSearch} runs every setting of a grid with the rollout engine and
 * ranks them by a {@link org.l2o4j.baselines.tuning.Criterion}; {@link org.l2o4j.baselines.tuning.TuningResult}
 * holds the choice and every setting's score, to be saved with the results.
 */
package org.l2o4j.baselines.tuning;
