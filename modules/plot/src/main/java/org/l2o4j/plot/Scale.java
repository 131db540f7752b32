package org.l2o4j.plot;

/** How a value axis maps numbers to positions. */
public enum Scale {
    /** Evenly spaced values; every finite value can be drawn. */
    LINEAR,
    /**
     * Base-10 logarithmic. Only positive values can be drawn: charts drop the others (see each chart's Javadoc for
     * what becomes of them), because a single zero would otherwise pull the axis down to its smallest representable
     * value and squash the rest of the figure.
     */
    LOG;

    /** Whether {@code value} can be drawn on this scale: finite, and positive for {@link #LOG}. */
    public boolean canShow(double value) {
        return Double.isFinite(value) && (this == LINEAR || value > 0);
    }
}
