package org.l2o4j.core.engine;

/**
 * A unit of work failed where it ran (after the engine's own retries, if it has any). The message names the unit, so
 * that a failure among thousands of units says which one and why in one line.
 */
public final class UnitFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String unit;

    /**
     * @param unit  the failed unit's {@link Unit#name()}
     * @param cause what it threw, or what the engine reported for it
     */
    public UnitFailedException(String unit, Throwable cause) {
        super("unit '" + unit + "' failed: " + describe(cause), cause);
        this.unit = unit;
    }

    /** The failed unit's name. */
    public String unit() {
        return unit;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String line = message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return line.isBlank() ? cause.getClass().getSimpleName() : line;
    }
}
