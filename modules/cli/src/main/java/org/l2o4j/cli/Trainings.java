package org.l2o4j.cli;

import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainerProvider;
import org.l2o4j.core.training.TrainingHeader;

/**
 * Training files as the CLI meets them: a file with a {@code kind} is a training run for the trainer registered
 * under that kind (any {@link TrainerProvider} on the classpath); a file without one is a comparison experiment. No
 * trainer is named here.
 */
final class Trainings {

    private Trainings() {
    }

    /**
     * A training file bound by its trainer.
     *
     * @param provider the trainer's provider
     * @param header   the file's header
     * @param trainer  the trainer with the file's settings
     */
    record Bound(TrainerProvider provider, TrainingHeader header, MetaTrainer trainer) {
    }

    /** Whether a parsed experiment file describes a training run (it names a trainer's kind). */
    static boolean isTraining(Map<String, Object> raw) {
        return raw.containsKey("kind");
    }

    /** Binds a parsed training file through the provider of its kind; {@code source} names it in errors. */
    static Bound bind(Map<String, Object> raw, String source) {
        TrainingHeader.Split split = TrainingHeader.split(raw, source);
        TrainerProvider provider = Catalog.trainer(split.header().kind());
        return new Bound(provider, split.header(), provider.create(split.header(), split.settings(), source));
    }
}
