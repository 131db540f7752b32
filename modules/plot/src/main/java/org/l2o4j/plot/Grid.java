package org.l2o4j.plot;

/**
 * A square lattice of cells over a rectangle of the plane, on which a {@link Contour} samples its function: the
 * value of a cell is the function at the cell's centre.
 *
 * @param xMin       left edge of the rectangle
 * @param xMax       right edge, greater than {@code xMin}
 * @param yMin       bottom edge
 * @param yMax       top edge, greater than {@code yMin}
 * @param resolution cells per side, 2 to {@value #MAX_RESOLUTION}; the grid has {@code resolution²} cells
 */
public record Grid(double xMin, double xMax, double yMin, double yMax, int resolution) {

    /**
     * Largest resolution accepted. The SVG holds a rectangle per run of equally coloured cells in a row, in the worst
     * case one per cell, so a million cells could make a file of a hundred megabytes; 200 per side already looks
     * smooth at the default figure size.
     */
    public static final int MAX_RESOLUTION = 1000;

    /** Rejects empty or non-finite rectangles and resolutions outside 2..{@value #MAX_RESOLUTION}. */
    public Grid {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
            throw new IllegalArgumentException("grid x range [" + xMin + ", " + xMax
                    + "] must be finite with xMin < xMax");
        }
        if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) {
            throw new IllegalArgumentException("grid y range [" + yMin + ", " + yMax
                    + "] must be finite with yMin < yMax");
        }
        if (resolution < 2 || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("grid resolution " + resolution + " must be between 2 and "
                    + MAX_RESOLUTION + " cells per side");
        }
    }

    /** Width of one cell. */
    public double cellWidth() {
        return (xMax - xMin) / resolution;
    }

    /** Height of one cell. */
    public double cellHeight() {
        return (yMax - yMin) / resolution;
    }

    /** x of the centre of column {@code i}, 0 ≤ i &lt; resolution. */
    public double xCenter(int i) {
        return xMin + (i + 0.5) * cellWidth();
    }

    /** y of the centre of row {@code j}, 0 ≤ j &lt; resolution. */
    public double yCenter(int j) {
        return yMin + (j + 0.5) * cellHeight();
    }
}
