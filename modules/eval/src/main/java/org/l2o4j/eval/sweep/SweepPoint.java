package org.l2o4j.eval.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import org.l2o4j.eval.experiment.ExperimentSpec;

/**
 * One point of a sweep: the experiment with this point's overrides applied.
 *
 * @param label     the overrides that make this point, e.g. {@code seed=2 restarts=3}
 * @param overrides the same as {@code key=value} strings
 * @param spec      the experiment at this point
 */
public record SweepPoint(String label, List<String> overrides, ExperimentSpec spec) implements Serializable {

    public SweepPoint {
        Objects.requireNonNull(label, "label");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(spec, "spec");
    }
}
