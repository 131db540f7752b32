package org.l2o4j.gps.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's dynamics fit: time-varying linear-Gaussian dynamics of the whole state (gps.md §4.3; Levine &amp; Abbeel 2014;
 * Levine et al. 2016 App. A.3): for each t = 0..T−2, the points [s_t; u_t; s_{t+1}] of the N samples are conditioned
 * on [s_t; u_t] by {@link GaussianConditioner} under the prior's NIW hyperparameters for that time step; the initial
 * state gets x0Mean = mean(s_0), x0Σ = diag(max(var(s_0), floor)).
 *
 * <p>Lifecycle (as in the MDGPS and BADMM iterations of gps.md §3): {@link #updatePrior} with the new batch, then
 * {@link #fit} on the same batch. The prior is the fitter's only state; the configuration is fixed. With dX ≫ N the
 * regression is under-determined, and it is the prior and the ridge that make it well posed.
 *
 * <p>Samples are given as X[n][t][i] (N × T × dX) and U[n][t][j] (N × T × dU), sample first, then time.
 */
public final class DynamicsFitter implements DynamicsEstimator {

    private static final long serialVersionUID = 1L;

    private final DynamicsConfig config;
    private final PriorProvider prior;

    public DynamicsFitter(DynamicsConfig config, PriorProvider prior) {
        this.config = config;
        this.prior = prior;
    }

    /** Passes the batch's transition points (one row [s_t, u_t, s_{t+1}] per t = 0..T−2) to the prior. */
    @Override
    public PriorProvider prior() {
        return prior;
    }

    @Override
    public void updatePrior(double[][][] x, double[][][] u) {
        Shape shape = Shape.of(x, u);
        List<double[][]> trajectories = new ArrayList<>(shape.samples);
        for (int n = 0; n < shape.samples; n++) {
            trajectories.add(transitionRows(x[n], u[n], shape));
        }
        prior.update(trajectories);
    }

    /** Fits the dynamics of the batch, time step by time step. */
    @Override
    public FittedDynamics fit(double[][][] x, double[][][] u) {
        Shape shape = Shape.of(x, u);
        if (shape.samples < 2) {
            throw new IllegalArgumentException("dynamics fit needs at least 2 samples, got " + shape.samples);
        }
        int dX = shape.stateDim;
        int dU = shape.actionDim;
        int inputDim = dX + dU;
        int d = inputDim + dX;
        double[][] gains = new double[shape.horizon][dX * inputDim];
        double[][] offsets = new double[shape.horizon][dX];
        double[][] covariances = new double[shape.horizon][dX * dX];
        double[][] points = new double[shape.samples][];
        for (int t = 0; t < shape.horizon - 1; t++) {
            for (int n = 0; n < shape.samples; n++) {
                points[n] = jointPoint(x[n], u[n], t, dX, dU);
            }
            NiwPrior niw = prior.evaluate(points);
            if (niw.dimension() != d) {
                throw new IllegalStateException("prior returned dimension " + niw.dimension() + " at t = " + t
                        + ", expected D = 2dX + dU = " + d);
            }
            ConditionedGaussian fitted = GaussianConditioner.condition(points, null, inputDim, niw, config.ridge(),
                    config.ridgeForm());
            requireFinite(fitted.gain(), "F", t);
            requireFinite(fitted.offset(), "f", t);
            requireFinite(fitted.covariance(), "Σdyn", t);
            gains[t] = fitted.gain();
            offsets[t] = fitted.offset();
            covariances[t] = fitted.covariance();
        }
        double[] x0Mean = new double[dX];
        double[] x0Covariance = initialState(x, shape, x0Mean, config, prior);
        return new FittedDynamics(dX, dU, gains, offsets, covariances, x0Mean, x0Covariance);
    }

    /** Fills x0Mean and returns x0Σ; in cbfinn-compatible mode with the reference's prior term added. */
    static double[] initialState(double[][][] x, Shape shape, double[] x0Mean, DynamicsConfig config,
            PriorProvider prior) {
        int dX = shape.stateDim;
        int n = shape.samples;
        for (double[][] sample : x) {
            for (int a = 0; a < dX; a++) {
                x0Mean[a] += sample[0][a];
            }
        }
        for (int a = 0; a < dX; a++) {
            x0Mean[a] /= n;
        }
        double[] covariance = new double[dX * dX];
        for (int a = 0; a < dX; a++) {
            double v = 0;
            for (double[][] sample : x) {
                double c = sample[0][a] - x0Mean[a];
                v += c * c;
            }
            covariance[a * dX + a] = Math.max(v / n, config.initialStateVarianceFloor());
        }
        if (config.cbfinnCompatible()) {
            Optional<NiwPrior> initial = prior.initialStatePrior(dX);
            if (initial.isPresent()) {
                NiwPrior p = initial.get();
                double m = p.meanCount();
                double shrink = n * m / (n + m) / (n + p.covarianceCount());
                for (int a = 0; a < dX; a++) {
                    double da = x0Mean[a] - p.mean()[a];
                    for (int b = 0; b < dX; b++) {
                        covariance[a * dX + b] += p.scatter()[a * dX + b]
                                + shrink * da * (x0Mean[b] - p.mean()[b]);
                    }
                }
            }
        }
        return covariance;
    }

    /** The rows [s_t, u_t, s_{t+1}], t = 0..T−2, of one trajectory (the points the prior is fitted on). */
    public static double[][] transitionRows(double[][] x, double[][] u) {
        return transitionRows(x, u, Shape.of(new double[][][] {x}, new double[][][] {u}));
    }

    private static double[][] transitionRows(double[][] x, double[][] u, Shape shape) {
        double[][] rows = new double[shape.horizon - 1][];
        for (int t = 0; t < shape.horizon - 1; t++) {
            rows[t] = jointPoint(x, u, t, shape.stateDim, shape.actionDim);
        }
        return rows;
    }

    private static double[] jointPoint(double[][] x, double[][] u, int t, int dX, int dU) {
        double[] y = new double[2 * dX + dU];
        System.arraycopy(x[t], 0, y, 0, dX);
        System.arraycopy(u[t], 0, y, dX, dU);
        System.arraycopy(x[t + 1], 0, y, dX + dU, dX);
        return y;
    }

    static void requireFinite(double[] values, String what, int t) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("dynamics fit produced a non-finite " + what + " at t = " + t
                        + "; check the samples for NaN/Inf and the ridge/prior for degenerate settings");
            }
        }
    }

    /** N, T, dX, dU of a batch, validated: every sample has T steps and every step the same dimensions. */
    record Shape(int samples, int horizon, int stateDim, int actionDim) {

        static Shape of(double[][][] x, double[][][] u) {
            if (x.length == 0 || x.length != u.length) {
                throw new IllegalArgumentException("need the same positive number of state and action trajectories,"
                        + " got " + x.length + " and " + u.length);
            }
            int horizon = x[0].length;
            if (horizon < 2) {
                throw new IllegalArgumentException("trajectories need T ≥ 2 steps to contain a transition, got "
                        + horizon);
            }
            int dX = x[0][0].length;
            int dU = u[0][0].length;
            for (int n = 0; n < x.length; n++) {
                if (x[n].length != horizon || u[n].length != horizon) {
                    throw new IllegalArgumentException("sample " + n + " has " + x[n].length + " states and "
                            + u[n].length + " actions; sample 0 has T = " + horizon);
                }
                for (int t = 0; t < horizon; t++) {
                    if (x[n][t].length != dX || u[n][t].length != dU) {
                        throw new IllegalArgumentException("sample " + n + ", t = " + t + " has dX = "
                                + x[n][t].length + ", dU = " + u[n][t].length + "; expected " + dX + ", " + dU);
                    }
                    requireFiniteInput(x[n][t], "state", n, t);
                    requireFiniteInput(u[n][t], "action", n, t);
                }
            }
            return new Shape(x.length, horizon, dX, dU);
        }

        private static void requireFiniteInput(double[] values, String what, int n, int t) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("sample " + n + " has a non-finite " + what + " entry " + i
                            + " (" + values[i] + ") at t = " + t);
                }
            }
        }
    }
}
