package org.l2o4j.core.config;

/**
 * A configuration that cannot be used: unknown key, wrong type, out-of-range value, malformed file. An
 * {@link IllegalArgumentException}, since it is one; the CLI reports it as the user's mistake, in one line, so its
 * message never holds a line break. Subclasses name a kind of input (a checkpoint) and keep both.
 */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(oneLine(message));
    }

    public ConfigException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * The message with its line breaks written as {@code \n}: the command line prints it as one line, and the values
     * it quotes come from the user (a {@code --set} value or a YAML string may hold a line break).
     */
    private static String oneLine(String message) {
        return message == null ? null : message.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }
}
