package org.l2o4j.eval.experiment;

import java.util.List;
import java.util.Map;

import org.l2o4j.baselines.tuning.Criterion;
import org.l2o4j.baselines.tuning.GridSearch;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.FunctionSets;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.problem.Problem;

/**
 * One grid point of one competitor's tuning: its setting run on the experiment's training functions (each from its
 * own starting point) and scored by the experiment's criterion.
 *
 * @param spec      the experiment
 * @param optimizer the competitor's index in {@code spec.optimizers()}
 * @param grid      the competitor's checked grid
 * @param setting   the grid point's index in the search's enumeration
 */
record TuningUnit(ExperimentSpec spec, int optimizer, Map<String, List<Object>> grid, int setting)
        implements Unit<GridSearch.Score> {

    @Override
    public String name() {
        return "tune " + spec.optimizers().get(optimizer).label() + ", setting " + (setting + 1);
    }

    @Override
    public GridSearch.Score run() {
        GridSearch search = search(spec, optimizer, grid);
        List<Problem> train = FunctionSets.of(spec.family(), spec.familyConfig(), spec.trainSplit(), spec.seed());
        return search.score(search.settings().get(setting), train, train.stream().map(p -> p.initialPoint(0)).toList(),
                spec.tuneSteps());
    }

    /** The competitor's search as the experiment defines it. */
    static GridSearch search(ExperimentSpec spec, int optimizer, Map<String, List<Object>> grid) {
        return GridSearch.over(Catalog.optimizerProvider(spec.optimizers().get(optimizer).name()), grid)
                .criterion(Criterion.fromKey(spec.criterion()));
    }
}
