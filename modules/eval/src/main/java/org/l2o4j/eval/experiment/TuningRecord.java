package org.l2o4j.eval.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.l2o4j.baselines.tuning.TuningResult;

/**
 * How one competitor's hyperparameters were fixed: the grid searched on the training functions (fixed settings enter
 * as one-value lists, an untuned optimizer as its defaults) and the full table of scores. Saved as
 * {@code tuning.json} before any test function is sampled.
 *
 * @param label           the competitor's label
 * @param optimizer       registered name
 * @param hyperparameters the chosen values, every default filled in
 * @param atGridEdge      grid keys whose chosen value is the first or last of three or more candidates: the optimum
 *                        may lie outside the grid, and the grid should be widened before the comparison is trusted
 * @param search          the search that chose them
 */
public record TuningRecord(String label, String optimizer, Map<String, Object> hyperparameters,
        List<String> atGridEdge, TuningResult search) {

    /** The chosen values (alias used in tables). */
    public Map<String, Object> chosen() {
        return search.best().setting();
    }

    /** The record of {@code spec}'s search over {@code grid} that ended in {@code result}. */
    static TuningRecord of(OptimizerSpec spec, Map<String, List<Object>> grid, TuningResult result) {
        return new TuningRecord(spec.label(), spec.name(), result.chosen(), edges(grid, result.best().setting()),
                result);
    }

    private static List<String> edges(Map<String, List<Object>> grid, Map<String, Object> chosen) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : new TreeMap<>(grid).entrySet()) {
            List<Object> values = e.getValue();
            Object v = chosen.get(e.getKey());
            if (values.size() >= 3 && (v.equals(values.get(0)) || v.equals(values.get(values.size() - 1)))) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
