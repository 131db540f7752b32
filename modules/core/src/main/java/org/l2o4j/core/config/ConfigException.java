package org.l2o4j.core.config;

/** A configuration that cannot be used: unknown key, wrong type, out-of-range value, malformed file. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
