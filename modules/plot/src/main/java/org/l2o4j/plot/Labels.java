package org.l2o4j.plot;

import java.util.Objects;

/**
 * The texts of a chart: its title and the labels of its two axes.
 *
 * @param title  the chart title, drawn above the plot
 * @param xLabel the horizontal axis label, with its unit where it has one ("wall-clock seconds")
 * @param yLabel the vertical axis label
 */
public record Labels(String title, String xLabel, String yLabel) {

    /** Rejects null texts (an empty string is allowed and draws nothing). */
    public Labels {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
    }

    /** Same as the constructor; reads better at call sites. */
    public static Labels of(String title, String xLabel, String yLabel) {
        return new Labels(title, xLabel, yLabel);
    }
}
