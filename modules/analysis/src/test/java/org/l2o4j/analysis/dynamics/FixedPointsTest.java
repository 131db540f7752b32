package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The fixed-point search on maps whose fixed points are known. */
class FixedPointsTest {

    /** F(h) = A h + c with ‖A‖ < 1: the one fixed point (I − A)⁻¹ c, from every start. */
    @Test
    void contractionFindsItsFixedPointFromEveryStart() {
        double[][] a = {{0.5, 0.2, 0.0}, {-0.1, 0.7, 0.1}, {0.0, 0.3, -0.4}};
        double[] c = {1.0, -2.0, 0.5};
        AffineCell cell = new AffineCell(a, c, new double[3], new double[3], 0, new double[3]);
        double[][] starts = {{0, 0, 0}, {5, -5, 2}, {-3, 1, 10}, {0.1, 0.2, 0.3}};
        FixedPoints.Result r = FixedPoints.search(cell, 0, starts, FixedPoints.Settings.RENN, s -> { });
        // (I − A) h = c solved by hand (Cramer's rule).
        double[][] m = {{0.5, -0.2, 0.0}, {0.1, 0.3, -0.1}, {0.0, -0.3, 1.4}};
        double det = det(m);
        for (double[] point : r.points()) {
            for (int k = 0; k < 3; k++) {
                double[][] mk = {m[0].clone(), m[1].clone(), m[2].clone()};
                for (int i = 0; i < 3; i++) {
                    mk[i][k] = c[i];
                }
                assertEquals(det(mk) / det, point[k], 1e-10, "component " + k);
            }
        }
        assertEquals(1, r.distinct(1e-20, 1e-8).size());
    }

    /**
     * F(h₁, h₂) = (h₁ + 0.3(1 − h₁²), (h₁ + h₂)/2) has two fixed points, (1, 1) (stable) and (−1, −1) (unstable), and a
     * slow point at h₁ = 0 where q has a local minimum that is not a fixed point: both fixed points are found from
     * starts spread over the plane, and the slow point is told apart by its q.
     */
    @Test
    void mapWithTwoFixedPointsFindsBoth() {
        RecurrentCell cell = new HandCell(new double[2], new double[2]) {
            @Override
            public double step(double[] h, double g, double[] next) {
                next[0] = h[0] + 0.3 * (1 - h[0] * h[0]) + g;
                next[1] = 0.5 * (h[0] + h[1]);
                return 0;
            }

            @Override
            public void linearize(double[] h, double g, double[] j, double[] jInput) {
                j[0] = 1 - 0.6 * h[0];
                j[1] = 0;
                j[2] = 0.5;
                j[3] = 0.5;
                jInput[0] = 1;
                jInput[1] = 0;
            }
        };
        double[][] starts = new double[25][];
        int k = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                starts[k++] = new double[] {-2 + i, -2 + j};
            }
        }
        FixedPoints.Result r = FixedPoints.search(cell, 0, starts, new FixedPoints.Settings(0.01, 3000, 1e-8, 20),
                s -> { });
        List<Integer> fixed = r.distinct(1e-24, 1e-6);
        assertEquals(2, fixed.size(), "two fixed points");
        double[] first = r.points()[fixed.get(0)];
        double[] second = r.points()[fixed.get(1)];
        double sign = Math.signum(first[0]);
        assertEquals(-sign, Math.signum(second[0]));
        for (double[] p : new double[][] {first, second}) {
            double s = Math.signum(p[0]);
            assertEquals(s, p[0], 1e-12);
            assertEquals(s, p[1], 1e-12);
        }
        boolean slow = false;
        for (int i = 0; i < r.points().length; i++) {
            if (Math.abs(r.points()[i][0]) < 1e-3) {
                slow = true;
                assertTrue(r.speeds()[i] > 1e-3, "the slow point is not a fixed point: q = " + r.speeds()[i]);
            }
        }
        assertTrue(slow || r.distinct(1e-24, 1e-6).size() == 2);
    }

    /** The speed is ½‖h − F(h)‖², and Adam's gradient (I − J)ᵀ(h − F) matches finite differences of it. */
    @Test
    void speedGradientMatchesFiniteDifferences() {
        double[][] a = {{0.5, 0.2}, {-0.7, 0.1}};
        AffineCell cell = new AffineCell(a, new double[] {0.3, -0.2}, new double[] {1, 2}, new double[2], 0,
                new double[2]);
        double[] h = {0.4, -1.3};
        double[] next = new double[2];
        double[] r = new double[2];
        double q = FixedPoints.speed(cell, h, 0.2, next, r);
        double[] expectedR = {h[0] - (0.5 * h[0] + 0.2 * h[1] + 0.3 + 0.2), h[1] - (-0.7 * h[0] + 0.1 * h[1] - 0.2
                + 0.4)};
        assertEquals(0.5 * (expectedR[0] * expectedR[0] + expectedR[1] * expectedR[1]), q, 1e-15);
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
