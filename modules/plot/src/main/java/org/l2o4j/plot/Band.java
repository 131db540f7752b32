package org.l2o4j.plot;

import java.util.Arrays;

/**
 * One labelled line with a shaded band around it: a mean (or median) over seeds or problems and its confidence
 * interval (or quantiles), per x.
 *
 * <p>A point is drawn only where x, centre, lower and upper are all finite; elsewhere it is a gap and both the line
 * and the band break there (a NaN mean after some runs diverged, say). Where all three values are finite they must
 * satisfy {@code lower <= center <= upper}, which catches swapped arguments early. How a {@link Scale#LOG} axis treats
 * non-positive values is stated by the chart that draws the band. The arrays are copied in and out.
 *
 * @param label  the legend entry, usually the optimizer's name; it picks the colour from the {@link Palette}
 * @param x      horizontal positions (iterations, cumulative seconds, ...)
 * @param center the line: mean or median
 * @param lower  lower edge of the band
 * @param upper  upper edge of the band
 */
public record Band(String label, double[] x, double[] center, double[] lower, double[] upper) {

    /** Validates and copies; a length mismatch names the label and every length. */
    public Band {
        Inputs.label("band", label);
        Inputs.sameLengths("band", label, new String[] {"x", "center", "lower", "upper"}, x, center, lower, upper);
        for (int i = 0; i < x.length; i++) {
            boolean finite = Double.isFinite(lower[i]) && Double.isFinite(center[i]) && Double.isFinite(upper[i]);
            if (finite && !(lower[i] <= center[i] && center[i] <= upper[i])) {
                throw new IllegalArgumentException("band '" + label + "' at index " + i + ": need lower <= center"
                        + " <= upper, got " + lower[i] + ", " + center[i] + ", " + upper[i]
                        + "; are the arguments in the order (center, lower, upper)?");
            }
        }
        x = x.clone();
        center = center.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** A band with one value per iteration: point t is at x = t, t = 0 being the starting point. */
    public static Band overIterations(String label, double[] center, double[] lower, double[] upper) {
        Inputs.sameLengths("band", label, new String[] {"center"}, center);
        return new Band(label, Inputs.indices(center.length), center, lower, upper);
    }

    /** A band {@code center ± halfWidth}, e.g. a mean and the half-width of its confidence interval. */
    public static Band symmetric(String label, double[] x, double[] center, double[] halfWidth) {
        Inputs.sameLengths("band", label, new String[] {"x", "center", "halfWidth"}, x, center, halfWidth);
        double[] lower = new double[center.length];
        double[] upper = new double[center.length];
        for (int i = 0; i < center.length; i++) {
            lower[i] = center[i] - halfWidth[i];
            upper[i] = center[i] + halfWidth[i];
        }
        return new Band(label, x, center, lower, upper);
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

    /** A copy of {@code center}. */
    @Override
    public double[] center() {
        return center.clone();
    }

    /** A copy of {@code lower}. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of {@code upper}. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Band other && label.equals(other.label) && Arrays.equals(x, other.x)
                && Arrays.equals(center, other.center) && Arrays.equals(lower, other.lower)
                && Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        int h = label.hashCode();
        for (double[] a : new double[][] {x, center, lower, upper}) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Band[" + label + ", " + x.length + " points]";
    }
}
