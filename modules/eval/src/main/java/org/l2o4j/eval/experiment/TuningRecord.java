package org.l2o4j.eval.experiment;

import java.util.List;
import java.util.Map;

import org.l2o4j.baselines.tuning.Criterion;
import org.l2o4j.baselines.tuning.GridSearch;
import org.l2o4j.baselines.tuning.TuningResult;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.problem.Problem;

/**
 * How one competitor's hyperparameters were fixed: the grid searched on the training functions (fixed settings enter
 * as one-value lists, an untuned optimizer as its defaults) and the full table of scores. Saved as
 * {@code tuning.json} before any test function is sampled.
 *
 * @param label           the competitor's label
 * @param optimizer       registered name
 * @param hyperparameters the chosen values, every default filled in
 * @param search          the search that chose them
 */
public record TuningRecord(String label, String optimizer, Map<String, Object> hyperparameters,
        TuningResult search) {

    /** The chosen values (alias used in tables). */
    public Map<String, Object> chosen() {
        return search.best().setting();
    }

    static TuningRecord search(OptimizerSpec spec, OptimizerProvider provider, Map<String, List<Object>> grid,
            List<Problem> train, List<double[]> starts, ExperimentSpec experiment, Progress progress) {
        GridSearch search = GridSearch.over(provider, grid)
                .criterion(Criterion.fromKey(experiment.criterion()))
                .threads(experiment.threads());
        int settings = search.settings().size();
        try (Progress.Task task = progress.begin("tune " + spec.label(), settings)) {
            int[] reported = {0};
            TuningResult r = search.onProgress(done -> {
                task.advance(done - reported[0]);
                reported[0] = done;
            }).run(train, starts, experiment.tuneSteps());
            return new TuningRecord(spec.label(), spec.name(), r.chosen(), r);
        }
    }
}
