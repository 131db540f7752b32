package org.l2o4j.gps.trajopt;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/** Seeded random linear-Gaussian systems, costs and controllers for the property tests. */
final class RandomProblems {

    private RandomProblems() {
    }

    /** B Bᵀ + floor·I for a random n × n B: SPD with smallest eigenvalue ≥ floor. */
    static double[] spd(RandomGenerator rng, int n, double scale, double floor) {
        double[] b = Seeds.gaussian(rng, n * n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? floor : 0;
                for (int k = 0; k < n; k++) {
                    s += scale * b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    static double[] scaled(double[] v, double scale) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** F_t = [A_t B_t] with A_t near the identity, f_t small, Σdyn_t SPD. */
    static LinearGaussianDynamics dynamics(RandomGenerator rng, int dX, int dU, int horizon) {
        int n = dX + dU;
        double[][] f = new double[horizon - 1][];
        double[][] offsets = new double[horizon - 1][];
        double[][] noise = new double[horizon - 1][];
        for (int t = 0; t < horizon - 1; t++) {
            double[] m = scaled(Seeds.gaussian(rng, dX * n), 0.3);
            for (int i = 0; i < dX; i++) {
                m[i * n + i] += 1;
            }
            f[t] = m;
            offsets[t] = scaled(Seeds.gaussian(rng, dX), 0.1);
            noise[t] = spd(rng, dX, 0.01, 0.01);
        }
        return new LinearGaussianDynamics(dX, dU, f, offsets, noise, Seeds.gaussian(rng, dX),
                spd(rng, dX, 0.05, 0.01));
    }

    /**
     * F_t shifting the state down by one slot (s'_i = s_{i−1}) with a random dense first row over [s; u]: the sparsity
     * of the L2O transition, where only the newest entries are fitted; f_t small, Σdyn_t SPD.
     */
    static LinearGaussianDynamics shiftDynamics(RandomGenerator rng, int dX, int dU, int horizon) {
        int n = dX + dU;
        double[][] f = new double[horizon - 1][];
        double[][] offsets = new double[horizon - 1][];
        double[][] noise = new double[horizon - 1][];
        for (int t = 0; t < horizon - 1; t++) {
            double[] m = new double[dX * n];
            double[] first = scaled(Seeds.gaussian(rng, n), 0.3);
            System.arraycopy(first, 0, m, 0, n);
            for (int i = 1; i < dX; i++) {
                m[i * n + i - 1] = 1;
            }
            f[t] = m;
            offsets[t] = scaled(Seeds.gaussian(rng, dX), 0.1);
            noise[t] = spd(rng, dX, 0.01, 0.01);
        }
        return new LinearGaussianDynamics(dX, dU, f, offsets, noise, Seeds.gaussian(rng, dX),
                spd(rng, dX, 0.05, 0.01));
    }

    /** A PSD state cost, a PD action cost of weight {@code actionWeight}, a small cross term, affine terms. */
    static QuadraticCost cost(RandomGenerator rng, int dX, int dU, int horizon, double actionWeight) {
        int n = dX + dU;
        double[][] hessians = new double[horizon][];
        double[][] linear = new double[horizon][];
        double[] constants = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            double[] h = spd(rng, n, 0.2, 0);
            for (int a = 0; a < dU; a++) {
                h[(dX + a) * n + dX + a] += actionWeight;
            }
            hessians[t] = h;
            linear[t] = scaled(Seeds.gaussian(rng, n), 0.5);
            constants[t] = rng.nextGaussian();
        }
        return new QuadraticCost(dX, dU, hessians, linear, constants);
    }

    /** Random gains and offsets, SPD covariances. */
    static LinearGaussianController controller(RandomGenerator rng, int dX, int dU, int horizon) {
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            gains[t] = scaled(Seeds.gaussian(rng, dU * dX), 0.3);
            offsets[t] = scaled(Seeds.gaussian(rng, dU), 0.3);
            covariances[t] = spd(rng, dU, 0.1, 0.05);
        }
        return LinearGaussianController.fromCovariances(dX, dU, gains, offsets, covariances);
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
