package org.l2o4j.analysis.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Fixed points h* = F(h*, g*) of a {@link RecurrentCell} under a constant input g*, found as renn's
 * {@code fixed_points.py} finds them (analysis.md §1): minimize the speed q(h) = ½‖h − F(h, g*)‖² from many starts
 * (the states a test run visited) with Adam, whose gradient is ∂q/∂h = (I − J)ᵀ(h − F), J = ∂F/∂h, stopping when the
 * mean q over the starts falls to the tolerance. Each point is then polished by Newton's method on h − F(h) = 0
 * (solving (I − J)δ = h − F, the step halved until q falls), which takes an Adam result near a fixed point to machine
 * precision; a slow point that is not a fixed point stays about where Adam left it, with its q.
 */
public final class FixedPoints {

    /**
     * @param learningRate Adam's step (renn: 0.01)
     * @param maxSteps     Adam steps at most (renn: 1,000)
     * @param tolerance    Adam stops when the mean q over the starts is at most this (renn: 1e-8)
     * @param newtonSteps  Newton steps at most per point after Adam (0: none)
     */
    public record Settings(double learningRate, int maxSteps, double tolerance, int newtonSteps) {

        /** renn's search, then up to 20 Newton steps. */
        public static final Settings RENN = new Settings(0.01, 1000, 1e-8, 20);

        public Settings {
            if (!(learningRate > 0) || maxSteps < 0 || !(tolerance >= 0) || newtonSteps < 0) {
                throw new IllegalArgumentException("fixed-point search needs learningRate > 0, maxSteps >= 0, "
                        + "tolerance >= 0 and newtonSteps >= 0, got " + this);
            }
        }
    }

    /**
     * The search's outcome: one point per start, in the order of the starts.
     *
     * @param input     the constant input g*
     * @param points    the points found
     * @param speeds    q at each point
     * @param adamSteps Adam steps taken
     */
    public record Result(double input, double[][] points, double[] speeds, int adamSteps) {

        /** Index of the point with the smallest q: the convergence point when g* = 0. */
        public int slowest() {
            int best = 0;
            for (int i = 1; i < speeds.length; i++) {
                if (speeds[i] < speeds[best]) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * Indices of the points with q at most {@code maxSpeed}, one per cluster: a point within {@code radius}
         * (Euclidean) of one already kept is dropped; the slowest of a cluster is kept, as points are taken in order
         * of increasing q.
         */
        public List<Integer> distinct(double maxSpeed, double radius) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < speeds.length; i++) {
                if (speeds[i] <= maxSpeed) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Double.compare(speeds[a], speeds[b]));
            List<Integer> kept = new ArrayList<>();
            for (int i : order) {
                boolean near = false;
                for (int k : kept) {
                    if (distance(points[i], points[k]) <= radius) {
                        near = true;
                        break;
                    }
                }
                if (!near) {
                    kept.add(i);
                }
            }
            return kept;
        }

        /**
         * renn's outlier removal: indices of the points whose nearest other point is within {@code threshold}
         * (isolated points are usually slow points on the way, not fixed points).
         */
        public List<Integer> withNeighbours(double threshold) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int k = 0; k < points.length; k++) {
                    if (k != i) {
                        nearest = Math.min(nearest, distance(points[i], points[k]));
                    }
                }
                if (nearest <= threshold) {
                    kept.add(i);
                }
            }
            return kept;
        }
    }

    private FixedPoints() {
    }

    /**
     * Searches from every start.
     *
     * @param progress told the number of Adam steps taken so far, after each step
     */
    public static Result search(RecurrentCell cell, double input, double[][] starts, Settings settings,
            IntConsumer progress) {
        int n = starts.length;
        int s = cell.stateSize();
        if (n == 0) {
            throw new IllegalArgumentException("the fixed-point search needs at least one start");
        }
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            if (starts[i].length != s) {
                throw new IllegalArgumentException("start " + i + " has " + starts[i].length + " numbers, the cell's "
                        + "state " + s);
            }
            h[i] = starts[i].clone();
        }
        double[][] m = new double[n][s];
        double[][] v = new double[n][s];
        double[] next = new double[s];
        double[] residual = new double[s];
        double[] jacobian = new double[s * s];
        double[] inputJacobian = new double[s];
        double[] gradient = new double[s];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
        int steps = 0;
        for (; steps < settings.maxSteps(); steps++) {
            double meanSpeed = 0;
            for (int i = 0; i < n; i++) {
                meanSpeed += speed(cell, h[i], input, next, residual) / n;
            }
            if (meanSpeed <= settings.tolerance()) {
                break;
            }
            double c1 = 1 - Math.pow(beta1, steps + 1);
            double c2 = 1 - Math.pow(beta2, steps + 1);
            for (int i = 0; i < n; i++) {
                speed(cell, h[i], input, next, residual);
                cell.linearize(h[i], input, jacobian, inputJacobian);
                for (int k = 0; k < s; k++) {
                    double sum = residual[k];
                    for (int j = 0; j < s; j++) {
                        sum -= jacobian[j * s + k] * residual[j];
                    }
                    gradient[k] = sum;
                }
                for (int k = 0; k < s; k++) {
                    m[i][k] = beta1 * m[i][k] + (1 - beta1) * gradient[k];
                    v[i][k] = beta2 * v[i][k] + (1 - beta2) * gradient[k] * gradient[k];
                    h[i][k] -= settings.learningRate() * (m[i][k] / c1) / (Math.sqrt(v[i][k] / c2) + epsilon);
                }
            }
            progress.accept(steps + 1);
        }
        double[] speeds = new double[n];
        for (int i = 0; i < n; i++) {
            speeds[i] = newton(cell, h[i], input, settings.newtonSteps());
        }
        return new Result(input, h, speeds, steps);
    }

    /** Halvings of a Newton step tried before giving up on lowering q. */
    private static final int MAX_HALVINGS = 30;

    /**
     * Newton's method on r(h) = h − F(h, g) in place, damped: a step is halved until it lowers q (up to
     * {@value #MAX_HALVINGS} times), and the search ends when none does; returns the final q.
     */
    public static double newton(RecurrentCell cell, double[] h, double input, int maxSteps) {
        int s = cell.stateSize();
        double[] next = new double[s];
        double[] residual = new double[s];
        double[] jacobian = new double[s * s];
        double[] inputJacobian = new double[s];
        double q = speed(cell, h, input, next, residual);
        for (int step = 0; step < maxSteps && q > 0; step++) {
            cell.linearize(h, input, jacobian, inputJacobian);
            RealMatrix a = new Array2DRowRealMatrix(s, s);
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    a.setEntry(i, j, (i == j ? 1 : 0) - jacobian[i * s + j]);
                }
            }
            RealVector delta;
            try {
                delta = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(residual));
            } catch (SingularMatrixException e) {
                return q;
            }
            double[] trial = new double[s];
            double[] trialResidual = new double[s];
            double trialSpeed = Double.NaN;
            double fraction = 1;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++, fraction *= 0.5) {
                for (int k = 0; k < s; k++) {
                    trial[k] = h[k] - fraction * delta.getEntry(k);
                }
                trialSpeed = speed(cell, trial, input, next, trialResidual);
                if (trialSpeed < q) {
                    break;
                }
            }
            if (!(trialSpeed < q)) {
                return q;
            }
            System.arraycopy(trial, 0, h, 0, s);
            System.arraycopy(trialResidual, 0, residual, 0, s);
            q = trialSpeed;
        }
        return q;
    }

    /** q(h) = ½‖h − F(h, g)‖², with h − F written into {@code residual}. */
    static double speed(RecurrentCell cell, double[] h, double input, double[] next, double[] residual) {
        cell.step(h, input, next);
        double q = 0;
        for (int k = 0; k < h.length; k++) {
            residual[k] = h[k] - next[k];
            q += residual[k] * residual[k];
        }
        return 0.5 * q;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
