package org.l2o4j.policy;

import org.l2o4j.core.config.ConfigException;

/**
 * A policy checkpoint that cannot be read: missing file, malformed JSON, unsupported version, bad field. A
 * {@link ConfigException}, since a checkpoint is the user's input: whichever caller meets it (a resume, an evaluation,
 * an analysis), the command line reports it in one line.
 */
public final class CheckpointException extends ConfigException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
