package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.eval.experiment.OptimizerSpec;

/**
 * A training run as written in an experiment file. Its {@code kind} names the trainer: {@value TrainingSpec#KIND}
 * ({@link TrainingSpec}, Li &amp; Malik's policy by guided policy search) or {@value BpttTrainingSpec#KIND}
 * ({@link BpttTrainingSpec}, a recurrent optimizer by backpropagation through the unrolled optimization). {@code l2o
 * train} copies the file's settings into the run folder as {@value #SPEC_FILE}, which {@code --resume} and {@code l2o
 * evaluate --policy RUN_FOLDER} read back.
 */
sealed interface TrainingFile permits TrainingSpec, BpttTrainingSpec {

    /** The training file inside a run folder. */
    String SPEC_FILE = "training.yaml";

    /** Run name; also the run folder's parent. */
    String name();

    /** One line for {@code l2o list}. */
    String description();

    /** Root seed of the run. */
    long seed();

    /** The comparison experiment {@code l2o evaluate} puts the trained optimizer into; empty for none. */
    String evaluation();

    /** The settings as written into the run folder, in the form {@link #fromMap} reads. */
    Map<String, Object> settings();

    /**
     * The competitor {@code l2o evaluate} adds for a run folder of this training: the trained optimizer, not tuned.
     *
     * @param label its name in results, or null for the default
     */
    OptimizerSpec trainedOptimizer(Path runFolder, String label);

    /** Whether a parsed experiment file describes a training run of any kind. */
    static boolean isTraining(Map<String, Object> raw) {
        return TrainingSpec.KIND.equals(raw.get("kind")) || BpttTrainingSpec.KIND.equals(raw.get("kind"));
    }

    /** Binds a parsed training file by its {@code kind}; {@code source} names it in errors. */
    static TrainingFile fromMap(Map<String, Object> raw, String source) {
        Object kind = raw.get("kind");
        if (TrainingSpec.KIND.equals(kind)) {
            return TrainingSpec.fromMap(raw, source);
        }
        if (BpttTrainingSpec.KIND.equals(kind)) {
            return BpttTrainingSpec.fromMap(raw, source);
        }
        throw new ConfigException(source + " is not a training run: its 'kind' is " + (kind == null ? "missing"
                : "'" + kind + "'") + ", 'l2o train' needs one of " + List.of(TrainingSpec.KIND, BpttTrainingSpec.KIND)
                + " (a comparison experiment runs with 'l2o reproduce')");
    }

    /** Reads a training file with {@code --set} overrides. */
    static TrainingFile read(Path file, List<String> overrides) {
        return fromMap(Experiments.readRaw(file, overrides), "experiment file " + file);
    }
}
