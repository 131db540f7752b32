package org.l2o4j.policy;

/** A policy checkpoint that cannot be read: missing file, malformed JSON, unsupported version, bad field. */
public final class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
