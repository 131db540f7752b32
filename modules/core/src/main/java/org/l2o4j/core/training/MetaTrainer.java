package org.l2o4j.core.training;

import java.nio.file.Path;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.LocalEngine;

/**
 * A meta-training algorithm bound to its settings: it trains a learned optimizer into a {@link TrainingFolder},
 * continuing from the folder's latest checkpoint when it has one, and says which optimizer the run's result is.
 *
 * <p>Contract (checked by the contract-test kit {@code MetaTrainerContract} in core's test-jar): the same settings and
 * seed give byte-identical checkpoints and logs (timing columns aside), whatever the thread count; a run killed at
 * any checkpoint boundary and resumed equals the uninterrupted run byte for byte; all state a resume needs is in the
 * checkpoint files handed to {@link TrainingFolder#save}, and nothing in them depends on the time or on the
 * {@link TrainerProvider#resumableKeys() resumable} settings such as the thread count.
 *
 * <p>Lifecycle: created by {@link TrainerProvider#create} (cheap: nothing sampled yet); {@link #train} once per
 * session. Configuration (the settings) is immutable; the state of a run lives in the folder's checkpoints.
 */
public interface MetaTrainer {

    /**
     * How much work the settings ask for.
     *
     * @param key   the setting that holds it, e.g. {@code iterations}
     * @param units the total, in units
     * @param unit  the unit's name, e.g. {@code iteration}; also the prefix of checkpoint folders
     */
    record Budget(String key, long units, String unit) {
        public Budget {
            if (units < 0) {
                throw new IllegalArgumentException(key + " must be ≥ 0, got " + units);
            }
        }
    }

    /** The trainer's own settings resolved over its defaults (no header keys), as {@code training.yaml} holds them. */
    Map<String, Object> settings();

    /** The budget of the whole run. */
    Budget budget();

    /**
     * Trains until {@link #budget()} units are done, starting from the folder's latest checkpoint if it has one, and
     * checkpointing through {@link TrainingFolder#save}. A trainer whose work comes in independent units (GPS's
     * conditions, an evolution strategy's population) runs them on {@code engine}; the others ignore it. Either way the
     * checkpoints and logs are the same bytes on every engine (the contract kit runs every trainer on an engine that
     * serializes each unit and its result and runs the units in reverse order).
     *
     * @param engine where independent units run; the caller opens and closes it
     * @return entries for the run's {@code summary.json}
     */
    Map<String, Object> train(TrainingFolder folder, TrainingListener listener, Engine engine);

    /** {@link #train(TrainingFolder, TrainingListener, Engine)} on this JVM's threads, one per core. */
    default Map<String, Object> train(TrainingFolder folder, TrainingListener listener) {
        try (Engine engine = new LocalEngine(Runtime.getRuntime().availableProcessors())) {
            return train(folder, listener, engine);
        }
    }

    /** The optimizer a checkpoint of this trainer holds (verified by {@link TrainingFolder}). */
    TrainedOptimizer trainedOptimizer(TrainingFolder.Checkpoint checkpoint);

    /**
     * The optimizer a run folder of this trainer holds, as its latest checkpoint stands now.
     *
     * @throws ConfigException if the run has no checkpoint yet or a file is damaged
     */
    default TrainedOptimizer trainedOptimizer(Path runFolder) {
        return trainedOptimizer(TrainingFolder.latestOf(runFolder).orElseThrow(() -> new ConfigException(runFolder
                + " has no checkpoint yet; train it further ('l2o train --resume " + runFolder + "')")));
    }
}
