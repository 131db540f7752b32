package org.l2o4j.core.config;

/**
 * A configuration that cannot be used: unknown key, wrong type, out-of-range value, malformed file. An
 * {@link IllegalArgumentException}, since it is one; the CLI reports it as the user's mistake, in one line.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
