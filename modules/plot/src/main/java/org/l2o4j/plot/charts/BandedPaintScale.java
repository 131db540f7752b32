package org.l2o4j.plot.charts;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import java.util.Objects;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colours values in a fixed number of equal bands from dark slate (low) to near white (high).
 *
 * <p>Bands rather than a continuous ramp: the borders between them act as contour lines, which is what shows the
 * shape of a valley. Low values are dark so that the minimum, where trajectories end, is the most distinct region.
 * A value that is not finite gets {@link #NO_VALUE}; one outside the bounds gets the nearest band.
 */
final class BandedPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    /** Colour of a cell without a finite value. */
    static final Color NO_VALUE = Color.WHITE;

    /**
     * Ramp stops, low to high: greys with a faint blue cast. Nearly neutral on purpose: the trajectories on top are
     * drawn in palette colours, the first of which is a blue that a saturated blue ramp would swallow.
     */
    private static final Color[] STOPS = {
        new Color(0x1E2328), new Color(0x3D454E), new Color(0x6B747E), new Color(0xA0A8B0), new Color(0xD2D7DC),
        new Color(0xF6F7F9),
    };

    private final double lowerBound;
    private final double upperBound;
    private final Color[] bands;

    /** {@code levels} equal bands over [lowerBound, upperBound]. */
    BandedPaintScale(double lowerBound, double upperBound, int levels) {
        if (!(lowerBound < upperBound) || levels < 2) {
            throw new IllegalArgumentException("paint scale needs lowerBound < upperBound and at least 2 levels, got ["
                    + lowerBound + ", " + upperBound + "] with " + levels);
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.bands = new Color[levels];
        for (int k = 0; k < levels; k++) {
            bands[k] = ramp((double) k / (levels - 1));
        }
    }

    @Override
    public double getLowerBound() {
        return lowerBound;
    }

    @Override
    public double getUpperBound() {
        return upperBound;
    }

    @Override
    public Paint getPaint(double value) {
        if (!Double.isFinite(value)) {
            return NO_VALUE;
        }
        double t = (value - lowerBound) / (upperBound - lowerBound);
        int band = (int) Math.floor(t * bands.length);
        return bands[Math.max(0, Math.min(bands.length - 1, band))];
    }

    /** Linear interpolation between the two stops around {@code t} in [0, 1]. */
    private static Color ramp(double t) {
        double position = t * (STOPS.length - 1);
        int i = Math.min((int) position, STOPS.length - 2);
        double w = position - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandedPaintScale other && lowerBound == other.lowerBound
                && upperBound == other.upperBound && bands.length == other.bands.length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lowerBound, upperBound, bands.length);
    }
}
