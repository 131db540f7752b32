package org.l2o4j.core.training;

import java.util.Map;
import java.util.Set;

/**
 * Service-provider entry for a meta-training algorithm, registered in {@code META-INF/services} and found by the
 * {@code kind} of a training file ({@code l2o train FILE}). It binds the trainer's own keys strictly (an unknown key is
 * a {@link org.l2o4j.core.config.ConfigException} naming it and the valid ones), says which of them a resume may
 * change, and creates the trainer.
 *
 * <p>Lifecycle: {@link #create} only binds and validates; nothing is sampled, trained or written until
 * {@link MetaTrainer#train} is called with a {@link TrainingFolder}.
 */
public interface TrainerProvider {

    /** The training file's {@code kind}, e.g. {@code gps-training}. */
    String kind();

    /** One line for {@code l2o list}. */
    String description();

    /**
     * The trainer's own keys that a resume may change (the budget, a cadence); the header's
     * {@link TrainingHeader#RESUMABLE} always may. Every other key must equal the checkpoint's.
     */
    Set<String> resumableKeys();

    /**
     * Binds the trainer's keys of a training file over its defaults and creates the trainer.
     *
     * @param header   the keys every training file has
     * @param settings the file's other keys, as written (possibly with {@code --set} overrides)
     * @param source   names the file in error messages
     * @throws org.l2o4j.core.config.ConfigException for an unknown key (naming the valid ones) or a bad value
     */
    MetaTrainer create(TrainingHeader header, Map<String, Object> settings, String source);
}
