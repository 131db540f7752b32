package org.l2o4j.gps.env;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.training.TrainingHeader;

/**
 * Where a GPS run's conditions come from, in a form an engine unit can carry to another JVM: the unit ships the
 * source and a condition index, and the conditions are rebuilt where it runs.
 */
public interface ConditionSource extends Serializable {

    /** The conditions, in order. */
    List<Condition> conditions();

    /**
     * Conditions already built in this JVM: for the local engine only (the problems travel only if they happen to be
     * serializable).
     */
    static ConditionSource of(List<Condition> conditions) {
        return new Fixed(List.copyOf(conditions));
    }

    /**
     * The first {@code count} functions of a training file's {@code split}, each at its own initial point; built once
     * per JVM (through {@link TrainingHeader#trainingFunctions}) wherever a unit asks.
     *
     * @throws ConfigException if the split has fewer than {@code count} functions
     */
    static ConditionSource training(TrainingHeader header, String split, int count) {
        Training source = new Training(header, split, count);
        source.conditions();
        return source;
    }

    /** See {@link #of}. */
    record Fixed(List<Condition> conditions) implements ConditionSource {
    }

    /** See {@link #training}. */
    record Training(TrainingHeader header, String split, int count) implements ConditionSource {

        @Override
        public List<Condition> conditions() {
            return header.trainingFunctions(split, count).stream().map(Condition::of).toList();
        }
    }
}
