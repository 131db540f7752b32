package org.l2o4j.eval.experiment;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.training.TrainedOptimizer;

/**
 * One competitor of an experiment.
 *
 * @param name            registered optimizer name, or a pretrained entry {@code zoo:NAME} (the entry's optimizer
 *                        with its checkpoint, labelled NAME unless a label is given, untuned)
 * @param label           name in results and figures (defaults to {@code name}; must be unique in an experiment)
 * @param hyperparameters fixed settings, never tuned
 * @param grid            values searched on the training functions; empty with {@code tune} = the optimizer's default
 *                        grid
 * @param tune            whether to grid-search at all
 */
public record OptimizerSpec(String name, String label, Map<String, Object> hyperparameters,
        Map<String, List<Object>> grid, boolean tune) implements Serializable {

    /** Defaults: tuned on the optimizer's default grid. */
    public static final OptimizerSpec DEFAULTS = new OptimizerSpec("", "", Map.of(), Map.of(), true);

    public OptimizerSpec {
        hyperparameters = hyperparameters == null ? Map.of() : new LinkedHashMap<>(hyperparameters);
        if (name != null && Catalog.isPretrained(name)) {
            // zoo:NAME stands for the entry's registered optimizer loading the entry; it is trained, never tuned.
            TrainedOptimizer entry = Catalog.pretrained(name);
            if (label == null || label.isBlank()) {
                label = name.substring(name.indexOf(':') + 1);
            }
            Map<String, Object> fixed = new LinkedHashMap<>(entry.hyperparameters());
            fixed.putAll(hyperparameters);
            hyperparameters = fixed;
            name = entry.optimizer();
            tune = false;
        }
        grid = grid == null ? Map.of() : new LinkedHashMap<>(grid);
        if (name == null || name.isBlank()) {
            // DEFAULTS has a blank name; binding replaces it, and ExperimentSpec rejects a blank one.
            name = "";
        }
        if (label == null || label.isBlank()) {
            label = name;
        }
        for (String k : grid.keySet()) {
            if (hyperparameters.containsKey(k)) {
                throw new IllegalArgumentException("optimizer '" + label + "': '" + k
                        + "' is both fixed and in the grid; keep one");
            }
        }
    }

    /** A tuned optimizer by name, on its default grid. */
    public static OptimizerSpec tuned(String name) {
        return new OptimizerSpec(name, name, Map.of(), Map.of(), true);
    }

    /**
     * A trained optimizer as a competitor: its settings fixed (they load the trained parameters), nothing tuned.
     *
     * @param label its name in results, or null for the trainer's default
     */
    public static OptimizerSpec untuned(TrainedOptimizer trained, String label) {
        return new OptimizerSpec(trained.optimizer(), label == null ? trained.label() : label,
                trained.hyperparameters(), Map.of(), false);
    }
}
