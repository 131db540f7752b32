package org.l2o4j.gps.model;

import java.io.Serializable;

import org.l2o4j.gps.linalg.SparseMatrix;

/**
 * A time-varying quadratic cost in global form over y = [s; u]: c_t(y) = ½ yᵀ Cm_t y + yᵀ cv_t + cc_t (gps.md §4.2,
 * the form {@link org.l2o4j.gps.cost.CostQuadraticizer} produces; Levine &amp; Abbeel 2014 §3). Cm_t is
 * (dX+dU) × (dX+dU) row-major. Immutable; entries must be finite.
 *
 * <p>A Cm_t that is mostly zeros (the L2O cost has curvature only in the x block) is held as its nonzeros, because a
 * GPS run keeps the cost of every condition at once.
 */
public final class QuadraticCost implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int stateDimension;
    private final int actionDimension;
    /** Cm_t where it is dense, else null. */
    private final double[][] hessians;
    /** Cm_t where it is sparse, else null. */
    private final SparseMatrix[] sparseHessians;
    private final double[][] linearTerms;
    private final double[] constants;

    /**
     * @param stateDimension  dX
     * @param actionDimension dU
     * @param hessians        Cm_t, T arrays of (dX+dU) × (dX+dU)
     * @param linearTerms     cv_t, T arrays of dX+dU
     * @param constants       cc_t, T entries
     */
    public QuadraticCost(int stateDimension, int actionDimension, double[][] hessians, double[][] linearTerms,
            double[] constants) {
        this.stateDimension = PerStep.positive("dX", stateDimension);
        this.actionDimension = PerStep.positive("dU", actionDimension);
        if (hessians == null || hessians.length == 0) {
            throw new IllegalArgumentException("a cost needs at least one time step");
        }
        int horizon = hessians.length;
        int n = stateDimension + actionDimension;
        this.hessians = PerStep.copy("Cm", hessians, horizon, n, n);
        this.linearTerms = PerStep.copy("cv", linearTerms, horizon, n, 1);
        this.constants = PerStep.copy("cc", constants, horizon, 1);
        this.sparseHessians = new SparseMatrix[horizon];
        for (int t = 0; t < horizon; t++) {
            sparseHessians[t] = SparseMatrix.ifSparse(this.hessians[t], n, n, LinearGaussianDynamics.SPARSE_DENSITY)
                    .orElse(null);
            if (sparseHessians[t] != null) {
                this.hessians[t] = null;
            }
        }
    }

    /** dX. */
    public int stateDimension() {
        return stateDimension;
    }

    /** dU. */
    public int actionDimension() {
        return actionDimension;
    }

    /** T. */
    public int horizon() {
        return hessians.length;
    }

    /** Cm_t, (dX+dU) × (dX+dU) (a copy). */
    public double[] hessian(int t) {
        PerStep.requireTimeStep(t, horizon());
        return sparseHessians[t] != null ? sparseHessians[t].toDense() : hessians[t].clone();
    }

    /** cv_t, dX+dU entries (a copy). */
    public double[] linearTerm(int t) {
        PerStep.requireTimeStep(t, horizon());
        return linearTerms[t].clone();
    }

    /** cc_t. */
    public double constant(int t) {
        PerStep.requireTimeStep(t, horizon());
        return constants[t];
    }

    /** c_t(y) = ½ yᵀ Cm_t y + yᵀ cv_t + cc_t at one point y = [s; u]. */
    public double value(int t, double[] y) {
        PerStep.requireTimeStep(t, horizon());
        int n = stateDimension + actionDimension;
        if (y.length != n) {
            throw new IllegalArgumentException("dimension mismatch: y has " + y.length + " entries but dX + dU = "
                    + n);
        }
        double[] h = hessian(t);
        double quadratic = 0;
        double linear = 0;
        for (int a = 0; a < n; a++) {
            double row = 0;
            for (int b = 0; b < n; b++) {
                row += h[a * n + b] * y[b];
            }
            quadratic += y[a] * row;
            linear += y[a] * linearTerms[t][a];
        }
        return 0.5 * quadratic + linear + constants[t];
    }
}
