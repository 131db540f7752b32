package org.l2o4j.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Update functions, the autonomous learning-rate schedule and the S-curve on cells whose answers are closed forms:
 * a saturating cell (soft clipping), a cell with a decaying clock (a schedule), and RMSProp written as a cell (an
 * S-curve with 1/|g| adaptation).
 */
class DynamicsTest {

    /** h' = tanh(a g), Δx = −c h': slope c·a at 0, asymptote −c·sign(g), linearity tanh(a g)/(a g). */
    private static RecurrentCell saturating(double a, double c) {
        return new HandCell(new double[1], new double[] {-c}) {
            @Override
            public double step(double[] h, double g, double[] next) {
                next[0] = Math.tanh(a * g);
                return -c * next[0];
            }

            @Override
            public void linearize(double[] h, double g, double[] j, double[] jInput) {
                j[0] = 0;
                double t = Math.tanh(a * g);
                jInput[0] = a * (1 - t * t);
            }
        };
    }

    @Test
    void updateFunctionOfASaturatingCellHasItsClosedForm() {
        double a = 8;
        double c = 0.05;
        RecurrentCell cell = saturating(a, c);
        UpdateFunctions.Curve curve = UpdateFunctions.at(cell, cell.initialState(), UpdateFunctions.grid(0.5, 1001),
                "h0");
        assertEquals(1001, curve.gradients().length);
        assertEquals(-0.5, curve.gradients()[0], 0.0);
        assertEquals(0.0, curve.gradients()[500], 1e-16);
        for (int k = 0; k < 1001; k++) {
            assertEquals(-c * Math.tanh(a * curve.gradients()[k]), curve.updates()[k], 1e-16);
        }
        assertEquals(c * a, curve.rate(), 1e-15, "the effective learning rate is the slope at 0");
        assertEquals(-c * Math.tanh(4), curve.updates()[1000], 1e-16, "the asymptote −c is nearly reached");
        assertEquals(Math.tanh(a * 0.3) / (a * 0.3), UpdateFunctions.linearity(cell, cell.initialState(), 0.3),
                1e-14);
        assertEquals(1.0, UpdateFunctions.linearity(cell, cell.initialState(), 1e-6), 1e-9);
    }

    /**
     * s' = ρ s, v' = β v − (a + b s) g, Δx = v': the autonomous rate at step t is a + b ρ^t s₀, a warm-up for b < 0 and
     * a decay for b > 0.
     */
    @Test
    void scheduleOfACellWithAClockIsItsClosedForm() {
        double rho = 0.9;
        double a = 0.5;
        double b = -0.4;
        double s0 = 1.0;
        RecurrentCell cell = new HandCell(new double[] {s0, 0}, new double[] {0, 1}) {
            @Override
            public double step(double[] h, double g, double[] next) {
                next[0] = rho * h[0];
                next[1] = 0.8 * h[1] - (a + b * h[0]) * g;
                return next[1];
            }

            @Override
            public void linearize(double[] h, double g, double[] j, double[] jInput) {
                j[0] = rho;
                j[1] = 0;
                j[2] = -b * g;
                j[3] = 0.8;
                jInput[0] = 0;
                jInput[1] = -(a + b * h[0]);
            }
        };
        LearningRateSchedule schedule = LearningRateSchedule.of(cell, cell.initialState(), 50);
        for (int t = 0; t < 50; t++) {
            assertEquals(a + b * Math.pow(rho, t) * s0, schedule.rates()[t], 1e-14, "step " + t);
        }
        assertEquals(49, schedule.peakStep(), "a warm-up that never ends within 50 steps peaks last");
        double[] line = LearningRateSchedule.line(new double[] {5, 3, 1, 2, 4, 6}, 2);
        assertEquals(8.5 / 5, line[0], 1e-12, "slope of (2,1), (3,2), (4,4), (5,6)");
        assertEquals(3.25 - 1.7 * 3.5, line[1], 1e-12);
        assertEquals(8.5 * 8.5 / (5 * 14.75), line[2], 1e-12);
    }

    /**
     * RMSProp as a cell: v' = ρv + (1 − ρ)g², u' = −η g/√(v' + ε), Δx = u'. Under a constant g its fixed point is
     * v* = g², u* = −η g/√(g² + ε): the S-curve's steady rate η/√(g² + ε) falls with |g| on both arms.
     */
    @Test
    void sCurveOfRmspropHasItsClosedFormAndAdapts() {
        double rho = 0.9;
        double eta = 0.01;
        double eps = 1e-4;
        RecurrentCell cell = new HandCell(new double[2], new double[] {0, 1}) {
            @Override
            public double step(double[] h, double g, double[] next) {
                next[0] = rho * h[0] + (1 - rho) * g * g;
                next[1] = -eta * g / Math.sqrt(next[0] + eps);
                return next[1];
            }

            @Override
            public void linearize(double[] h, double g, double[] j, double[] jInput) {
                double v = rho * h[0] + (1 - rho) * g * g;
                double root = Math.sqrt(v + eps);
                j[0] = rho;
                j[1] = 0;
                j[2] = 0.5 * eta * g / (root * root * root) * rho;
                j[3] = 0;
                jInput[0] = 2 * (1 - rho) * g;
                jInput[1] = -eta / root + 0.5 * eta * g / (root * root * root) * 2 * (1 - rho) * g;
            }
        };
        double[] inputs = new double[41];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = -1 + 0.05 * k;
        }
        List<SCurve.Point> points = SCurve.sweep(cell, new double[] {0, 0}, inputs, FixedPoints.Settings.RENN);
        assertEquals(41, points.size());
        for (SCurve.Point p : points) {
            double g = p.input();
            assertEquals(g * g, p.state()[0], 1e-12, "v* at g = " + g);
            assertEquals(-eta * g / Math.sqrt(g * g + eps), p.update(), 1e-12, "u* at g = " + g);
            if (g != 0) {
                assertEquals(eta / Math.sqrt(g * g + eps), p.steadyRate(), 1e-10);
            }
        }
        assertEquals(-1.0, SCurve.adaptation(points, 1), 1e-12);
        assertEquals(-1.0, SCurve.adaptation(points, -1), 1e-12);
        assertTrue(points.get(0).input() < points.get(40).input(), "sorted by g");
    }

    /** PCA of points on a line recovers the line's direction and its whole variance. */
    @Test
    void pcaOfPointsOnALine() {
        double[] direction = {3.0 / 13, 4.0 / 13, 12.0 / 13};
        double[][] points = new double[11][];
        for (int k = 0; k < 11; k++) {
            double s = k - 5;
            points[k] = new double[] {1 + s * direction[0], -2 + s * direction[1], 0.5 + s * direction[2]};
        }
        Pca pca = Pca.fit(points, 2);
        for (int j = 0; j < 3; j++) {
            assertEquals(direction[j], pca.components()[0][j], 1e-12);
        }
        assertEquals(11.0, pca.variances()[0], 1e-12, "Σ s² / (n − 1) = 110 / 10");
        assertEquals(1.0, pca.explained(0), 1e-12);
        assertEquals(5.0, pca.project(points[10])[0], 1e-12);
    }
}
