package org.l2o4j.core.training;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.engine.Engine;

/**
 * A training file bound by its trainer: a parsed file with a {@code kind} is a training run for the trainer registered
 * under that kind (any {@link TrainerProvider} on the class path); a file without one is a comparison experiment. The
 * CLI's commands and the units of a training sweep (which bind the file again where an engine runs them) all go
 * through here, so none of them names a trainer.
 *
 * @param provider the trainer's provider
 * @param header   the file's header
 * @param trainer  the trainer with the file's settings
 */
public record BoundTraining(TrainerProvider provider, TrainingHeader header, MetaTrainer trainer) {

    /** Whether a parsed experiment file describes a training run (it names a trainer's kind). */
    public static boolean isTraining(Map<String, Object> raw) {
        return raw.containsKey("kind");
    }

    /**
     * Binds a parsed training file through the provider of its kind.
     *
     * @param source names the file in errors
     * @throws ConfigException for a missing kind or family, an unknown trainer, an unknown key or a bad value
     */
    public static BoundTraining bind(Map<String, Object> raw, String source) {
        TrainingHeader.Split split = TrainingHeader.split(raw, source);
        TrainerProvider provider = Catalog.trainer(split.header().kind());
        return new BoundTraining(provider, split.header(), provider.create(split.header(), split.settings(), source));
    }

    /**
     * One training session into {@code folder} (a new run, or one opened to resume), then its {@code summary.json}:
     * the training's name and kind, the trainer's own entries, and the session's wall-clock seconds.
     *
     * @param engine where the trainer's independent units run; the caller opens and closes it
     * @return the summary written
     * @throws ConfigException if the session ended before the run's first checkpoint (a budget of 0), so that no run
     *                         was kept
     */
    public Map<String, Object> trainSession(TrainingFolder folder, TrainingListener listener, Engine engine) {
        long started = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("training", header.name());
        summary.put("kind", header.kind());
        summary.putAll(trainer.train(folder, listener, engine));
        summary.put("secondsThisSession", (System.nanoTime() - started) * 1e-9);
        if (!folder.exists()) {
            throw new ConfigException("the training ended before its first checkpoint, so nothing was kept; give it a "
                    + "budget (" + trainer.budget().key() + ") of at least one " + trainer.budget().unit());
        }
        folder.writeSummary(summary);
        return summary;
    }
}
