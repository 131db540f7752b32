package org.l2o4j.gps.cost;

import java.util.Arrays;
import java.util.List;

import org.l2o4j.gps.model.QuadraticCost;

/**
 * Turns per-sample local cost expansions into one global quadratic per time step, averaged over the samples (gps.md
 * §4.2; Levine &amp; Abbeel 2014 §3): around ŷ = [ŝ; û], with g = l_y and H = l_yy,
 * <pre>
 *   Cm = H;   cv = g − H ŷ;   cc = l − gᵀ ŷ + ½ ŷᵀ H ŷ
 * </pre>
 * so that ½ yᵀ Cm y + yᵀ cv + cc equals the sample's second-order Taylor model at every y. The accumulator takes one
 * sample at a time, because a dense (dX+dU)² Hessian per step and sample would not fit for N = 20 samples of the L2O
 * state.
 *
 * <p>Lifecycle: construct, {@link #add} each sample, then {@link #average()}; the accumulator may keep collecting
 * after an average is taken.
 */
public final class CostQuadraticizer {

    private final int stateDimension;
    private final int actionDimension;
    private final int horizon;
    private final double[][] hessianSums;
    private final double[][] linearSums;
    private final double[] constantSums;
    private int samples;

    /** An empty accumulator for trajectories of T steps over y = [s (dX); u (dU)]. */
    public CostQuadraticizer(int stateDimension, int actionDimension, int horizon) {
        if (stateDimension <= 0 || actionDimension <= 0 || horizon <= 0) {
            throw new IllegalArgumentException("dX, dU and T must be positive but are " + stateDimension + ", "
                    + actionDimension + ", " + horizon);
        }
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.horizon = horizon;
        int n = stateDimension + actionDimension;
        this.hessianSums = new double[horizon][n * n];
        this.linearSums = new double[horizon][n];
        this.constantSums = new double[horizon];
    }

    /** Evaluates {@code cost} on every trajectory and returns the averaged global quadratic. */
    public static QuadraticCost quadraticize(CostFunction cost, List<double[][]> states, List<double[][]> actions) {
        if (states.isEmpty() || states.size() != actions.size()) {
            throw new IllegalArgumentException("need the same positive number of state and action trajectories but "
                    + "got " + states.size() + " and " + actions.size());
        }
        CostQuadraticizer accumulator = new CostQuadraticizer(cost.stateDimension(), cost.actionDimension(),
                states.get(0).length);
        for (int i = 0; i < states.size(); i++) {
            accumulator.add(cost.evaluate(states.get(i), actions.get(i)), states.get(i), actions.get(i));
        }
        return accumulator.average();
    }

    /** Adds one sample: its cost expansion and the trajectory (s_t, u_t) it was taken around. */
    public void add(CostDerivatives derivatives, double[][] states, double[][] actions) {
        if (derivatives.horizon() != horizon || states.length != horizon || actions.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: expected T = " + horizon + " but derivatives, "
                    + "states and actions have " + derivatives.horizon() + ", " + states.length + " and "
                    + actions.length + " steps");
        }
        if (derivatives.stateDimension() != stateDimension || derivatives.actionDimension() != actionDimension) {
            throw new IllegalArgumentException("dimension mismatch: derivatives are over dX = "
                    + derivatives.stateDimension() + ", dU = " + derivatives.actionDimension() + " but expected "
                    + stateDimension + ", " + actionDimension);
        }
        int n = stateDimension + actionDimension;
        int offset = derivatives.hessianBlockOffset();
        int size = derivatives.hessianBlockSize();
        double[] y = new double[n];
        double[] hy = new double[n];
        for (int t = 0; t < horizon; t++) {
            if (states[t].length != stateDimension || actions[t].length != actionDimension) {
                throw new IllegalArgumentException("dimension mismatch at t = " + t + ": state has "
                        + states[t].length + " (dX = " + stateDimension + "), action has " + actions[t].length
                        + " (dU = " + actionDimension + ")");
            }
            System.arraycopy(states[t], 0, y, 0, stateDimension);
            System.arraycopy(actions[t], 0, y, stateDimension, actionDimension);
            double[] h = derivatives.hessianBlock(t);
            double[] g = derivatives.gradient(t);
            double[] hessianSum = hessianSums[t];
            double[] linearSum = linearSums[t];
            Arrays.fill(hy, 0.0);
            for (int a = 0; a < size; a++) {
                double s = 0;
                int row = a * size;
                int sumRow = (offset + a) * n + offset;
                for (int b = 0; b < size; b++) {
                    s += h[row + b] * y[offset + b];
                    hessianSum[sumRow + b] += h[row + b];
                }
                hy[offset + a] = s;
            }
            double gy = 0;
            double yhy = 0;
            for (int a = 0; a < n; a++) {
                linearSum[a] += g[a] - hy[a];
                gy += g[a] * y[a];
                yhy += y[a] * hy[a];
            }
            constantSums[t] += derivatives.value(t) - gy + 0.5 * yhy;
        }
        samples++;
    }

    /** The number of samples added so far. */
    public int sampleCount() {
        return samples;
    }

    /** The sample mean of the global quadratics. */
    public QuadraticCost average() {
        if (samples == 0) {
            throw new IllegalStateException("no samples added; add at least one before averaging");
        }
        int n = stateDimension + actionDimension;
        double[][] cm = new double[horizon][n * n];
        double[][] cv = new double[horizon][n];
        double[] cc = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < n * n; i++) {
                cm[t][i] = hessianSums[t][i] / samples;
            }
            for (int a = 0; a < n; a++) {
                cv[t][a] = linearSums[t][a] / samples;
            }
            cc[t] = constantSums[t] / samples;
        }
        return new QuadraticCost(stateDimension, actionDimension, cm, cv, cc);
    }
}
