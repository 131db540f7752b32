package org.l2o4j.gps.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.l2o4j.core.mdp.KnownTransition;

/**
 * Dynamics of the optimization MDP that fit only what is unknown (gps.md §4.3 with the transition's known part kept
 * exact): s_{t+1} = A_t s_t + B_t u_t + C_t z_t by {@link KnownTransition}, where the d + 1 fresh entries z_t (the
 * newest objective feature and gradient) are deterministic functions of x_t and u_t alone. So for each t only
 * z_t | [x_t; u_t] is fitted, by the same NIW-prior Gaussian conditioning as the full fit ({@link GaussianConditioner},
 * prior from the given {@link PriorProvider} on the points [x_t; u_t; z_t]), and composed into
 * <pre>
 *   F_t = [A_t  B_t] + C_t G_t E,   f_t = C_t g_t,   Σdyn_t = C_t Σz_t C_tᵀ
 * </pre>
 * with z_t ~ N(G_t [x_t; u_t] + g_t, Σz_t) and E selecting [x_t; u_t] from [s_t; u_t].
 *
 * <p>Compared with the reference's fit of the whole [s; u; s'] map ({@link DynamicsFitter}), the regression has 2d
 * inputs instead of dX + dU (8 instead of 237 for d = 4 in the released-code features), so 20 samples determine it
 * and the mixture prior lives in 3d + 1 dimensions instead of 2dX + dU; the shifted history, x ← x + u and the step
 * history carry no fitting error, and F_t is sparse, which the LQG passes exploit
 * ({@link org.l2o4j.gps.model.LinearGaussianDynamics#isSparse}).
 */
public final class KnownTransitionFitter implements DynamicsEstimator {

    private static final long serialVersionUID = 1L;

    private final DynamicsConfig config;
    private final PriorProvider prior;
    private final KnownTransition transition;
    private final int[] fresh;
    private final int xOffset;
    private final int d;

    /**
     * @param config     ridge (added to the [x; u] block), x0 variance floor
     * @param prior      the NIW prior over the points [x_t; u_t; z_t] (dimension 3d + 1)
     * @param transition the known part of the MDP's transition, for the state features being fitted
     */
    public KnownTransitionFitter(DynamicsConfig config, PriorProvider prior, KnownTransition transition) {
        this.config = Objects.requireNonNull(config, "config");
        this.prior = Objects.requireNonNull(prior, "prior");
        this.transition = Objects.requireNonNull(transition, "transition");
        this.fresh = transition.freshIndices();
        this.xOffset = transition.xBlock().offset();
        this.d = transition.actionDimension();
    }

    /** The dimension of a prior point [x_t; u_t; z_t]. */
    public int pointDimension() {
        return 2 * d + fresh.length;
    }

    @Override
    public PriorProvider prior() {
        return prior;
    }

    @Override
    public void updatePrior(double[][][] x, double[][][] u) {
        DynamicsFitter.Shape shape = shapeOf(x, u);
        List<double[][]> trajectories = new ArrayList<>(shape.samples());
        for (int n = 0; n < shape.samples(); n++) {
            double[][] rows = new double[shape.horizon() - 1][];
            for (int t = 0; t < shape.horizon() - 1; t++) {
                rows[t] = point(x[n], u[n], t);
            }
            trajectories.add(rows);
        }
        prior.update(trajectories);
    }

    @Override
    public FittedDynamics fit(double[][][] x, double[][][] u) {
        DynamicsFitter.Shape shape = shapeOf(x, u);
        if (shape.samples() < 2) {
            throw new IllegalArgumentException("dynamics fit needs at least 2 samples, got " + shape.samples());
        }
        int dX = shape.stateDim();
        int n = dX + d;
        int inputs = 2 * d;
        int outputs = fresh.length;
        double[][] gains = new double[shape.horizon()][dX * n];
        double[][] offsets = new double[shape.horizon()][dX];
        double[][] covariances = new double[shape.horizon()][dX * dX];
        double[][] points = new double[shape.samples()][];
        for (int t = 0; t < shape.horizon() - 1; t++) {
            for (int s = 0; s < shape.samples(); s++) {
                points[s] = point(x[s], u[s], t);
            }
            NiwPrior niw = prior.evaluate(points);
            if (niw.dimension() != inputs + outputs) {
                throw new IllegalStateException("prior returned dimension " + niw.dimension() + " at t = " + t
                        + ", expected 3d + 1 = " + (inputs + outputs) + " for the points [x; u; z]");
            }
            ConditionedGaussian z = GaussianConditioner.condition(points, null, inputs, niw, config.ridge(),
                    config.ridgeForm());
            DynamicsFitter.requireFinite(z.gain(), "G (fresh entries)", t);
            DynamicsFitter.requireFinite(z.offset(), "g (fresh entries)", t);
            DynamicsFitter.requireFinite(z.covariance(), "Σz (fresh entries)", t);
            compose(t, dX, z, gains[t], offsets[t], covariances[t]);
        }
        double[] x0Mean = new double[dX];
        double[] x0Covariance = DynamicsFitter.initialState(x, shape, x0Mean, config, prior);
        return new FittedDynamics(dX, d, gains, offsets, covariances, x0Mean, x0Covariance);
    }

    /** F_t, f_t and Σdyn_t from the known terms and the fitted z_t | [x_t; u_t]. */
    private void compose(int t, int dX, ConditionedGaussian z, double[] gain, double[] offset, double[] covariance) {
        int n = dX + d;
        int inputs = 2 * d;
        double[] g = z.gain();
        List<KnownTransition.Term> freshTerms = new ArrayList<>();
        for (KnownTransition.Term term : transition.terms(t)) {
            int row = term.target() * n;
            double c = term.coefficient();
            switch (term.source()) {
                case STATE -> gain[row + term.index()] += c;
                case ACTION -> gain[row + dX + term.index()] += c;
                case FRESH -> {
                    int r = term.index();
                    for (int k = 0; k < inputs; k++) {
                        int column = k < d ? xOffset + k : dX + k - d;
                        gain[row + column] += c * g[r * inputs + k];
                    }
                    offset[term.target()] += c * z.offset()[r];
                    freshTerms.add(term);
                }
            }
        }
        int outputs = fresh.length;
        double[] sigma = z.covariance();
        for (KnownTransition.Term a : freshTerms) {
            for (KnownTransition.Term b : freshTerms) {
                covariance[a.target() * dX + b.target()] += a.coefficient() * b.coefficient()
                        * sigma[a.index() * outputs + b.index()];
            }
        }
    }

    /** [x_t; u_t; z_t] of one trajectory, z_t read off s_{t+1}. */
    private double[] point(double[][] x, double[][] u, int t) {
        double[] y = new double[2 * d + fresh.length];
        System.arraycopy(x[t], xOffset, y, 0, d);
        System.arraycopy(u[t], 0, y, d, d);
        for (int r = 0; r < fresh.length; r++) {
            y[2 * d + r] = x[t + 1][fresh[r]];
        }
        return y;
    }

    private DynamicsFitter.Shape shapeOf(double[][][] x, double[][][] u) {
        DynamicsFitter.Shape shape = DynamicsFitter.Shape.of(x, u);
        if (shape.stateDim() != transition.stateDimension() || shape.actionDim() != d) {
            throw new IllegalArgumentException("dimension mismatch: the samples have dX = " + shape.stateDim()
                    + ", dU = " + shape.actionDim() + " but the " + transition.preset().name()
                    + " transition has dX = " + transition.stateDimension() + ", dU = " + d);
        }
        return shape;
    }
}
