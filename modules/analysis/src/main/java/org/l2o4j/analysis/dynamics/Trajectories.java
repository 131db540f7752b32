package org.l2o4j.analysis.dynamics;

import java.util.List;

import org.l2o4j.core.problem.Problem;

/**
 * A recorded test run of a {@link RecurrentCell} on problems (analysis.md: trajectory recording): per problem the
 * objective f(x_t) for t = 0 .. T, and per recorded coordinate and step the state h_t (t = 0 .. T, h_0 the initial
 * state), the gradient g_t and the update Δx_t (t = 0 .. T − 1). Coordinates are numbered problem after problem
 * (coordinate n is problem n / d, component n % d); every coordinate is run, and the states of the first
 * {@code recorded} of them are kept (all of them on small problems).
 *
 * @param losses      f(x_t) per problem, T + 1 values
 * @param states      h_t per step (T + 1) and recorded coordinate
 * @param gradients   g_t per step (T) and recorded coordinate
 * @param updates     Δx_t per step (T) and recorded coordinate
 * @param allGradients g_t per step (T) for every coordinate: the gradient density a task meets
 */
public record Trajectories(double[][] losses, double[][][] states, double[][] gradients, double[][] updates,
        double[][] allGradients) {

    /**
     * Runs {@code cell} on every problem from its initial point (restart 0) for {@code steps} steps.
     *
     * @param recorded how many coordinates' states to keep (the first ones)
     */
    public static Trajectories record(RecurrentCell cell, List<? extends Problem> problems, int steps,
            int recorded) {
        if (problems.isEmpty() || steps < 1 || recorded < 1) {
            throw new IllegalArgumentException("a recording needs problems, steps >= 1 and recorded >= 1");
        }
        int d = problems.get(0).dimension();
        int n = problems.size() * d;
        int kept = Math.min(recorded, n);
        double[] x = new double[n];
        double[] g = new double[n];
        double[][] h = new double[n][];
        double[][] losses = new double[problems.size()][steps + 1];
        double[][][] states = new double[steps + 1][kept][];
        double[][] gradients = new double[steps][kept];
        double[][] updates = new double[steps][kept];
        double[][] allGradients = new double[steps][n];
        for (int p = 0; p < problems.size(); p++) {
            Problem problem = problems.get(p);
            if (problem.dimension() != d) {
                throw new IllegalArgumentException("problem " + p + " has dimension " + problem.dimension()
                        + ", problem 0 " + d);
            }
            System.arraycopy(problem.initialPoint(0), 0, x, p * d, d);
        }
        for (int c = 0; c < n; c++) {
            h[c] = cell.initialState();
        }
        double[] next = new double[cell.stateSize()];
        for (int t = 0; t <= steps; t++) {
            for (int p = 0; p < problems.size(); p++) {
                losses[p][t] = problems.get(p).valueAndGradient(x, p * d, g, p * d);
            }
            for (int c = 0; c < kept; c++) {
                states[t][c] = h[c].clone();
            }
            if (t == steps) {
                break;
            }
            System.arraycopy(g, 0, allGradients[t], 0, n);
            for (int c = 0; c < n; c++) {
                double update = cell.step(h[c], g[c], next);
                System.arraycopy(next, 0, h[c], 0, next.length);
                if (c < kept) {
                    gradients[t][c] = g[c];
                    updates[t][c] = update;
                }
                x[c] += update;
            }
        }
        return new Trajectories(losses, states, gradients, updates, allGradients);
    }

    /** T, the steps run. */
    public int steps() {
        return gradients.length;
    }

    /** Every recorded state, step after step: the points the fixed-point search starts from and PCA is fitted on. */
    public double[][] visitedStates() {
        int kept = states[0].length;
        double[][] out = new double[states.length * kept][];
        int k = 0;
        for (double[][] step : states) {
            for (double[] s : step) {
                out[k++] = s;
            }
        }
        return out;
    }

    /** Mean over problems of f(x_t), t = 0 .. T. */
    public double[] meanLoss() {
        return Curves.mean(losses);
    }
}
