package org.l2o4j.core.training;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.run.Provenance;

/**
 * Where a checkpoint came from, written into its manifest by {@link TrainingFolder} (the one place that writes it):
 * everything of a run's {@link Provenance} except the time and the command line, so that two runs with one seed write
 * byte-identical checkpoints, plus the training file's settings that a resume may not change (which the resume check
 * compares against).
 *
 * @param trainer   the trainer's kind
 * @param seed      the run's root seed
 * @param gitCommit commit of the code that wrote it
 * @param gitDirty  whether that working tree had uncommitted changes
 * @param versions  versions of L2O4J, Java and the computing libraries
 * @param machine   OS, architecture, cores, memory
 * @param settings  the training file without its resumable keys
 */
public record CheckpointProvenance(String trainer, long seed, String gitCommit, boolean gitDirty,
        Map<String, String> versions, Map<String, Object> machine, Map<String, Object> settings) {

    public CheckpointProvenance {
        versions = new LinkedHashMap<>(versions);
        machine = new LinkedHashMap<>(machine);
        settings = new LinkedHashMap<>(settings);
    }

    /** The provenance of checkpoints written in a session. */
    public static CheckpointProvenance of(String trainer, long seed, Provenance session, Map<String, Object> settings) {
        return new CheckpointProvenance(trainer, seed, session.gitCommit(), session.gitDirty(), session.versions(),
                session.machine(), settings);
    }
}
