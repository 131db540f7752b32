package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 2: with the plain cost (no anchor, divisor 1), the backward pass is finite-horizon LQR. Compared to
 * a textbook discrete Riccati recursion written here with Commons Math (P_t = Q + AᵀPA − AᵀPB(R + BᵀPB)⁻¹BᵀPA and its
 * affine companion), gains, offsets, covariances and the value function agree to 1e-9.
 */
class RiccatiTest {

    @Test
    void backwardPassIsTheRiccatiRecursion() {
        RandomGenerator rng = Seeds.rng(2);
        LinearGaussianDynamics dynamics = RandomProblems.dynamics(rng, 4, 2, 6);
        assertFalse(dynamics.isSparse(0));
        checkAgainstRiccati(rng, dynamics);
    }

    /** The same with a shift-plus-one-dense-row F_t, which the backward pass multiplies through its nonzeros only. */
    @Test
    void sparseTransitionsGiveTheSameRecursion() {
        RandomGenerator rng = Seeds.rng(3);
        LinearGaussianDynamics dynamics = RandomProblems.shiftDynamics(rng, 12, 2, 6);
        assertTrue(dynamics.isSparse(0));
        checkAgainstRiccati(rng, dynamics);
    }

    private static void checkAgainstRiccati(RandomGenerator rng, LinearGaussianDynamics dynamics) {
        int dX = dynamics.stateDimension();
        int dU = dynamics.actionDimension();
        int horizon = dynamics.horizon();
        int n = dX + dU;
        double[][] hessians = new double[horizon][n * n];
        double[][] linear = new double[horizon][n];
        RealMatrix[] q = new RealMatrix[horizon];
        RealMatrix[] r = new RealMatrix[horizon];
        RealVector[] qv = new RealVector[horizon];
        RealVector[] rv = new RealVector[horizon];
        for (int t = 0; t < horizon; t++) {
            q[t] = matrix(RandomProblems.spd(rng, dX, 0.3, 0.1), dX, dX);
            r[t] = matrix(RandomProblems.spd(rng, dU, 0.3, 0.2), dU, dU);
            qv[t] = new ArrayRealVector(Seeds.gaussian(rng, dX));
            rv[t] = new ArrayRealVector(Seeds.gaussian(rng, dU));
            for (int i = 0; i < dX; i++) {
                for (int j = 0; j < dX; j++) {
                    hessians[t][i * n + j] = q[t].getEntry(i, j);
                }
                linear[t][i] = qv[t].getEntry(i);
            }
            for (int a = 0; a < dU; a++) {
                for (int b = 0; b < dU; b++) {
                    hessians[t][(dX + a) * n + dX + b] = r[t].getEntry(a, b);
                }
                linear[t][dX + a] = rv[t].getEntry(a);
            }
        }
        QuadraticCost cost = new QuadraticCost(dX, dU, hessians, linear, new double[horizon]);
        BackwardPassResult pass = BackwardPass.run(AugmentedCost.plain(cost), dynamics);
        LinearGaussianController controller = pass.controller();

        RealMatrix p = new Array2DRowRealMatrix(dX, dX);
        RealVector pv = new ArrayRealVector(dX);
        for (int t = horizon - 1; t >= 0; t--) {
            RealMatrix a = new Array2DRowRealMatrix(dX, dX);
            RealMatrix b = new Array2DRowRealMatrix(dX, dU);
            RealVector c = new ArrayRealVector(dX);
            if (t < horizon - 1) {
                RealMatrix f = matrix(dynamics.transitionMatrix(t), dX, n);
                a = f.getSubMatrix(0, dX - 1, 0, dX - 1);
                b = f.getSubMatrix(0, dX - 1, dX, n - 1);
                c = new ArrayRealVector(dynamics.transitionOffset(t));
            }
            RealMatrix gainDenominator = r[t].add(b.transpose().multiply(p).multiply(b));
            RealMatrix inverse = new LUDecomposition(gainDenominator).getSolver().getInverse();
            RealMatrix btpa = b.transpose().multiply(p).multiply(a);
            RealMatrix gain = inverse.multiply(btpa).scalarMultiply(-1);
            RealVector target = pv.add(p.operate(c));
            RealVector actionGradient = rv[t].add(b.transpose().operate(target));
            RealVector offset = inverse.operate(actionGradient).mapMultiply(-1);
            RealMatrix nextP = q[t].add(a.transpose().multiply(p).multiply(a))
                    .subtract(btpa.transpose().multiply(inverse).multiply(btpa));
            RealVector nextPv = qv[t].add(a.transpose().operate(target)).add(btpa.transpose().operate(offset));
            p = nextP;
            pv = nextPv;

            assertClose(flatten(gain), controller.gain(t), "K at t = " + t);
            assertClose(offset.toArray(), controller.offset(t), "k at t = " + t);
            assertClose(flatten(inverse), controller.covariance(t), "Σ = Q_uu⁻¹ at t = " + t);
            assertClose(flatten(p), pass.valueMatrix(t), "V at t = " + t);
            assertClose(pv.toArray(), pass.valueVector(t), "v at t = " + t);
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double error = RandomProblems.maxAbsDifference(expected, actual);
        assertTrue(error <= 1e-9 * scale, what + ": max|Δ| = " + error);
    }

    static RealMatrix matrix(double[] a, int rows, int columns) {
        double[][] data = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * columns, data[i], 0, columns);
        }
        return new Array2DRowRealMatrix(data, false);
    }

    static double[] flatten(RealMatrix m) {
        double[] out = new double[m.getRowDimension() * m.getColumnDimension()];
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) {
                out[i * m.getColumnDimension() + j] = m.getEntry(i, j);
            }
        }
        return out;
    }
}
