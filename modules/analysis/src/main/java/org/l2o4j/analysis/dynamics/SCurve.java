package org.l2o4j.analysis.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed points under constant gradients (analysis.md §6): h*(g) = F(h*(g), g) for a sweep of g, found by
 * continuation from the convergence point h*(0) outward in each direction (Newton's method from the previous point,
 * renn's Adam search when Newton stalls). In the PCA plane the points form an S-shaped curve with one arm per sign
 * of g. At each point: the update Δx* = w·h* + b the optimizer keeps making under the constant gradient, its ratio to
 * the gradient −Δx* / g (the steady-state learning rate: constant for momentum, falling like 1/|g| for RMSProp's
 * normalization), and the local effective rate −∂Δx/∂g.
 */
public final class SCurve {

    /**
     * A fixed point of the sweep.
     *
     * @param input  the constant gradient g
     * @param state  h*(g)
     * @param speed  q at h*(g) (≈ 0 for a found fixed point)
     * @param update Δx* = w·h* + b
     * @param rate   −∂Δx/∂g at (h*(g), g)
     */
    public record Point(double input, double[] state, double speed, double update, double rate) {

        /** −Δx* / g, the steady-state learning rate under the constant gradient (NaN at g = 0). */
        public double steadyRate() {
            return input == 0 ? Double.NaN : -update / input;
        }
    }

    /** q above which a continuation step is retried with the Adam search. */
    private static final double STALLED = 1e-16;
    /** q at most which a point counts as a fixed point in {@link #adaptation} and {@link #converged}. */
    public static final double FOUND = 1e-12;

    private SCurve() {
    }

    /** How many of the points are fixed points (q ≤ {@value #FOUND}). */
    public static long converged(List<Point> points) {
        return points.stream().filter(p -> p.speed() <= FOUND).count();
    }

    /**
     * The sweep over {@code inputs} (any order; returned sorted by g), continued from {@code convergencePoint}, a fixed
     * point at g = 0.
     */
    public static List<Point> sweep(RecurrentCell cell, double[] convergencePoint, double[] inputs,
            FixedPoints.Settings settings) {
        double[] sorted = inputs.clone();
        Arrays.sort(sorted);
        List<Point> points = new ArrayList<>();
        for (int sign : new int[] {-1, 1}) {
            double[] h = convergencePoint.clone();
            double[] magnitudes = Arrays.stream(sorted).filter(g -> sign < 0 ? g < 0 : g >= 0).map(Math::abs)
                    .sorted().toArray();
            for (double magnitude : magnitudes) {
                double g = sign * magnitude;
                double q = FixedPoints.newton(cell, h, g, settings.newtonSteps() + 30);
                if (q > STALLED) {
                    FixedPoints.Result r = FixedPoints.search(cell, g, new double[][] {h}, settings, step -> { });
                    h = r.points()[0];
                    q = r.speeds()[0];
                }
                points.add(new Point(g, h.clone(), q, cell.readout(h), UpdateFunctions.rate(cell, h, g)));
            }
        }
        points.sort((a, b) -> Double.compare(a.input(), b.input()));
        return points;
    }

    /**
     * Spearman's rank correlation between |g| and the steady-state rate on the arm of the given sign (points with
     * g ≠ 0 that are fixed points, q ≤ {@value #FOUND}): −1 when the rate falls strictly as |g| grows (RMSProp-like
     * adaptation), 0 for none.
     */
    public static double adaptation(List<Point> points, int sign) {
        List<Point> arm = points.stream().filter(p -> p.speed() <= FOUND)
                .filter(p -> sign < 0 ? p.input() < 0 : p.input() > 0).toList();
        if (arm.size() < 3) {
            return Double.NaN;
        }
        double[] a = arm.stream().mapToDouble(p -> Math.abs(p.input())).toArray();
        double[] b = arm.stream().mapToDouble(Point::steadyRate).toArray();
        return new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(a, b);
    }
}
