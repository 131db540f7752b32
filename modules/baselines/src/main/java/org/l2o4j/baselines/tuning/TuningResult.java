package org.l2o4j.baselines.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link GridSearch}, to be saved with the results it led to.
 *
 * @param optimizer the optimizer's registered name
 * @param criterion what was minimized
 * @param steps     the training horizon T
 * @param chosen    the winning setting with every default filled in (the optimizer's
 *                  {@link org.l2o4j.core.optimizer.Optimizer#hyperparameters()}), ready for
 *                  {@link org.l2o4j.core.catalog.OptimizerProvider#create}
 * @param rows      one row per setting, in the grid's enumeration order
 */
public record TuningResult(String optimizer, Criterion criterion, int steps, Map<String, Object> chosen,
        List<Row> rows) {

    public TuningResult {
        chosen = Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
        rows = List.copyOf(rows);
    }

    /**
     * One setting of the grid.
     *
     * @param setting  the grid values of this setting (the keys the grid names)
     * @param score    the criterion over the problems that did not diverge; NaN if all diverged
     * @param diverged number of training problems on which this setting diverged
     * @param rank     1 for the chosen setting, then in ranking order
     */
    public record Row(Map<String, Object> setting, double score, int diverged, int rank) {
        public Row {
            setting = Collections.unmodifiableMap(new LinkedHashMap<>(setting));
        }
    }

    /** The chosen setting's row. */
    public Row best() {
        return rows.stream().filter(r -> r.rank() == 1).findFirst().orElseThrow();
    }
}
