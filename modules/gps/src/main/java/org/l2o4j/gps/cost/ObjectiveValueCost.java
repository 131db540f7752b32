package org.l2o4j.gps.cost;

import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.gps.linalg.SymmetricEigen;

/**
 * The L2O cost c(s_t) = scale · f(x_t) (Li &amp; Malik 2017; gps.md §2 "Cost" and §4.2): the objective value at the
 * iterate x_t, which sits in the state at {@code iterateOffset}. The history features and the action never enter the
 * cost (they matter only through the dynamics), so the gradient and Hessian are non-zero only in the x block, and
 * the Hessian is the problem's analytic one rather than finite differences.
 *
 * <p>{@code scale} exists because Li's released code multiplies l, l_y and l_yy by weight·dU = 4; that changes how η
 * compares with the cost (gps.md §4.2, §5 item 13). L2O4J's default is 1.
 *
 * <p>{@code projectToPsd} (gps.md §4.2's option, not in the reference) replaces each ∇²f(x_t) by its projection onto
 * the positive semi-definite cone, V·max(Λ, 0)·Vᵀ: on non-convex objectives (robust regression, the ReLU net) an
 * indefinite cost Hessian makes the LQG's Q_uu indefinite, and the η search can then only raise η until the new
 * controller is the anchor.
 */
public final class ObjectiveValueCost implements CostFunction {

    private final TwiceDifferentiable objective;
    private final int stateDimension;
    private final int actionDimension;
    private final int iterateOffset;
    private final double scale;
    private final boolean projectToPsd;

    /**
     * @param objective       f, with an analytic Hessian
     * @param stateDimension  dX
     * @param actionDimension dU
     * @param iterateOffset   where x (d = objective.dimension() entries) starts inside the state
     * @param scale           multiplies the value and its derivatives; 1 for the plain objective
     * @param projectToPsd    whether each Hessian is projected onto the positive semi-definite cone
     */
    public ObjectiveValueCost(TwiceDifferentiable objective, int stateDimension, int actionDimension,
            int iterateOffset, double scale, boolean projectToPsd) {
        this.objective = objective;
        int d = objective.dimension();
        if (iterateOffset < 0 || iterateOffset + d > stateDimension) {
            throw new IllegalArgumentException("the iterate block [" + iterateOffset + ", " + (iterateOffset + d)
                    + ") of an objective with d = " + d + " does not fit in a state of dX = " + stateDimension);
        }
        if (actionDimension <= 0) {
            throw new IllegalArgumentException("dU must be positive but is " + actionDimension);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite but is " + scale);
        }
        this.stateDimension = stateDimension;
        this.actionDimension = actionDimension;
        this.iterateOffset = iterateOffset;
        this.scale = scale;
        this.projectToPsd = projectToPsd;
    }

    @Override
    public int stateDimension() {
        return stateDimension;
    }

    @Override
    public int actionDimension() {
        return actionDimension;
    }

    @Override
    public CostDerivatives evaluate(double[][] states, double[][] actions) {
        int horizon = states.length;
        if (actions.length != horizon) {
            throw new IllegalArgumentException("dimension mismatch: " + horizon + " states but " + actions.length
                    + " actions");
        }
        int d = objective.dimension();
        int n = stateDimension + actionDimension;
        double[] values = new double[horizon];
        double[][] gradients = new double[horizon][n];
        double[][] blocks = new double[horizon][d * d];
        for (int t = 0; t < horizon; t++) {
            if (states[t].length != stateDimension) {
                throw new IllegalArgumentException("dimension mismatch: state at t = " + t + " has "
                        + states[t].length + " entries but dX = " + stateDimension);
            }
            values[t] = scale * objective.valueAndGradient(states[t], iterateOffset, gradients[t], iterateOffset);
            for (int i = 0; i < d; i++) {
                gradients[t][iterateOffset + i] *= scale;
            }
            objective.hessian(states[t], iterateOffset, blocks[t]);
            if (projectToPsd) {
                projectOntoPsd(blocks[t], d);
            }
            for (int i = 0; i < d * d; i++) {
                blocks[t][i] *= scale;
            }
        }
        return new CostDerivatives(stateDimension, actionDimension, values, gradients, iterateOffset, d, blocks);
    }

    /** H ← V·max(Λ, 0)·Vᵀ in place (H symmetrized first; d × d row-major). */
    static void projectOntoPsd(double[] h, int d) {
        double[] symmetric = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                symmetric[i * d + j] = 0.5 * (h[i * d + j] + h[j * d + i]);
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(symmetric, d);
        double[] values = eigen.values();
        double[] v = eigen.vectors();
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    if (values[k] > 0) {
                        sum += v[i * d + k] * values[k] * v[j * d + k];
                    }
                }
                h[i * d + j] = sum;
                h[j * d + i] = sum;
            }
        }
    }
}
