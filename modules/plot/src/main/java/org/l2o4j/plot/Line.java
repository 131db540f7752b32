package org.l2o4j.plot;

import java.util.Arrays;

/**
 * One labelled series of points, drawn as a line or as markers.
 *
 * <p>A point whose x or y is not finite (NaN from a diverged run, or an infinity) is a gap: it is not drawn and the
 * line breaks there. On a {@link Scale#LOG} axis a non-positive y is a gap too. The arrays are copied in and out, so
 * a {@code Line} never changes after it is built.
 *
 * @param label the legend entry, usually the optimizer's name; it picks the colour from the {@link Palette}
 * @param x     horizontal positions
 * @param y     vertical positions, as many as {@code x}
 */
public record Line(String label, double[] x, double[] y) {

    /** Validates and copies; a length mismatch names the label and both lengths. */
    public Line {
        Inputs.label("line", label);
        Inputs.sameLengths("line", label, new String[] {"x", "y"}, x, y);
        x = x.clone();
        y = y.clone();
    }

    /** A line with one value per iteration: point t is (t, y[t]), t = 0 being the starting point. */
    public static Line overIterations(String label, double[] y) {
        Inputs.sameLengths("line", label, new String[] {"y"}, y);
        return new Line(label, Inputs.indices(y.length), y);
    }

    /** Number of points, gaps included. */
    public int size() {
        return x.length;
    }

    /** A copy of {@code x}. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of {@code y}. */
    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Line other && label.equals(other.label) && Arrays.equals(x, other.x)
                && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * label.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Line[" + label + ", " + x.length + " points]";
    }
}
