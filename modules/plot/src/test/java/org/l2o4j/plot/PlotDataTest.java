package org.l2o4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlotDataTest {

    @Test
    void bandLengthMismatchNamesLabelAndLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Band("Adam", new double[3], new double[3], new double[2], new double[3]));
        String m = e.getMessage();
        assertTrue(m.contains("'Adam'") && m.contains("x 3") && m.contains("lower 2") && m.contains("upper 3"), m);
    }

    @Test
    void lineLengthMismatchNamesLabelAndLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Line("L-BFGS", new double[5], new double[4]));
        String m = e.getMessage();
        assertTrue(m.contains("'L-BFGS'") && m.contains("x 5") && m.contains("y 4"), m);
    }

    @Test
    void bandOutOfOrderIsRejectedButNaNIsAGap() {
        double[] x = {0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Band("GD", x, new double[] {1, 1}, new double[] {2, 0}, new double[] {3, 2}));
        assertTrue(e.getMessage().contains("index 0"), e.getMessage());
        Band withGap = new Band("GD", x, new double[] {1, Double.NaN}, new double[] {0, 5}, new double[] {2, 1});
        assertEquals(2, withGap.size());
    }

    @Test
    void recordsCopyTheirArrays() {
        double[] y = {1, 2, 3};
        Line line = Line.overIterations("GD", y);
        y[0] = 99;
        line.y()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, line.y());
        assertArrayEquals(new double[] {0, 1, 2}, line.x());
        assertEquals(line, Line.overIterations("GD", new double[] {1, 2, 3}));

        double[][] points = {{0, 0}, {1, 1}};
        PlaneTrajectory path = new PlaneTrajectory("GD", points);
        points[1][0] = 99;
        assertArrayEquals(new double[] {1, 1}, path.point(1));
    }

    @Test
    void symmetricBandIsCenterPlusMinusHalfWidth() {
        Band band = Band.symmetric("GD", new double[] {0, 1}, new double[] {2, 4}, new double[] {0.5, 1});
        assertArrayEquals(new double[] {1.5, 3}, band.lower());
        assertArrayEquals(new double[] {2.5, 5}, band.upper());
    }

    @Test
    void trajectoryPointsMustBePairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlaneTrajectory("GD", new double[][] {{0, 0}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("'GD'") && e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlaneTrajectory("GD", new double[0][]));
    }

    @Test
    void gridCentresAndValidation() {
        Grid grid = new Grid(-1, 1, 0, 4, 4);
        assertEquals(0.5, grid.cellWidth(), 1e-15);
        assertEquals(-0.75, grid.xCenter(0), 1e-15);
        assertEquals(3.5, grid.yCenter(3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new Grid(1, 1, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 0, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 0, 1, Grid.MAX_RESOLUTION + 1));
    }

    @Test
    void logScaleShowsOnlyPositiveFiniteValues() {
        assertTrue(Scale.LOG.canShow(1e-300));
        assertTrue(!Scale.LOG.canShow(0) && !Scale.LOG.canShow(-1) && !Scale.LOG.canShow(Double.NaN));
        assertTrue(Scale.LINEAR.canShow(-1) && !Scale.LINEAR.canShow(Double.POSITIVE_INFINITY));
    }
}
