package org.l2o4j.plot;

import java.util.Arrays;

/**
 * The iterates of one optimizer on a two-dimensional problem, in the order it visited them, to be drawn over a
 * {@link Contour}.
 *
 * <p>A point with a non-finite coordinate (a diverged run) is a gap: the path breaks there. The points are copied in
 * and out.
 *
 * @param label  the legend entry, usually the optimizer's name; it picks the colour from the {@link Palette}
 * @param points the iterates, each {@code {x, y}}; at least one
 */
public record PlaneTrajectory(String label, double[][] points) {

    /** Validates and deep-copies; a point that is not a pair names the label and its index. */
    public PlaneTrajectory {
        Inputs.label("trajectory", label);
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("trajectory '" + label + "' has no points; pass at least the start");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("trajectory '" + label + "': point " + i + " has "
                        + (points[i] == null ? "no" : String.valueOf(points[i].length))
                        + " coordinates; each point must be {x, y}");
            }
            copy[i] = points[i].clone();
        }
        points = copy;
    }

    /** Number of points, gaps included. */
    public int size() {
        return points.length;
    }

    /** Point {@code i} as {@code {x, y}} (a copy). */
    public double[] point(int i) {
        return points[i].clone();
    }

    /** A deep copy of the points. */
    @Override
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaneTrajectory other && label.equals(other.label)
                && Arrays.deepEquals(points, other.points);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.deepHashCode(points);
    }

    @Override
    public String toString() {
        return "PlaneTrajectory[" + label + ", " + points.length + " points]";
    }
}
