package org.l2o4j.gps.dynamics;

import java.util.Arrays;
import java.util.Optional;

import org.l2o4j.gps.linalg.NotPositiveDefiniteException;
import org.l2o4j.gps.linalg.Matrices;
import org.l2o4j.gps.linalg.Spd;

/**
 * MAP estimate of a joint Gaussian over y = [in; out] under a normal-inverse-Wishart prior, conditioned into a
 * linear-Gaussian map out | in (gps.md §4.3; Levine &amp; Abbeel 2014; Levine et al. 2016 App. A.3). With
 * weights w_i (Σw = 1) and N points:
 * <pre>
 * μ̂ = Σ w_i y_i;   S = Σ w_i (y_i−μ̂)(y_i−μ̂)ᵀ
 * Σ = [N·S + Φ + (N·m/(N+m)) (μ̂−μ0)(μ̂−μ0)ᵀ] / (N + n0),  symmetrized
 * Σ[in,in] += ridge          (r·I, or r·𝟙𝟙ᵀ in the reference's form)
 * F = solve(Σ[in,in], Σ[in,out])ᵀ;   f = μ̂[out] − F μ̂[in];   Σ_cond = Σ[out,out] − F Σ[in,in] Fᵀ
 * </pre>
 * The mean stays the empirical mean, as in the reference. Σ[in,in] = L·Lᵀ is factored once; with Z = L⁻¹Σ[in,out],
 * F Σ[in,in] Fᵀ = ZᵀZ, which is cheaper than the triple product and symmetric by construction.
 *
 * <p>Stateless; used by the dynamics fitter with in = [s; u], out = s', and by the policy linearizer (§4.9) with
 * in = s, out = μ_θ(o).
 */
public final class GaussianConditioner {

    /** How the ridge r enters the input block of Σ. */
    public enum RidgeForm {
        /** Σ[in,in] += r·I (gps.md §4.3; L2O4J's default). */
        IDENTITY,
        /**
         * Σ[in,in] += r·𝟙𝟙ᵀ, r added to every entry: what cbfinn/gps does with a scalar regularization
         * (gps-fixtures/README.md §7.1). Rank one, so it does not cure a singular block; for golden tests only.
         */
        ALL_ENTRIES
    }

    /**
     * A pivot of Σ[in,in]'s Cholesky factor whose square falls below this fraction of the largest diagonal entry marks
     * the block as numerically singular: the solve would amplify rounding by more than 1/this, so F would be noise.
     */
    static final double SINGULAR_PIVOT_RATIO = 1e-14;

    private GaussianConditioner() {
    }

    /**
     * Conditions the NIW posterior of the points on their first {@code inputDim} coordinates.
     *
     * @param points   N × D, N ≥ 2; each row [in; out]
     * @param weights  length N, non-negative with a positive sum (normalized here), or {@code null} for 1/N each
     * @param inputDim the size of the in block, 1 ≤ inputDim &lt; D
     * @param prior    hyperparameters of dimension D ({@link NiwPrior#none} for plain regression)
     * @param ridge    r ≥ 0 added to the input block
     * @param form     how r is added
     * @throws NotPositiveDefiniteException if the regularized Σ[in,in] is singular or not positive definite
     */
    public static ConditionedGaussian condition(double[][] points, double[] weights, int inputDim, NiwPrior prior,
            double ridge, RidgeForm form) {
        int n = points.length;
        if (n < 2) {
            throw new IllegalArgumentException("Gaussian conditioning needs at least 2 points, got " + n);
        }
        int d = points[0].length;
        if (inputDim < 1 || inputDim >= d) {
            throw new IllegalArgumentException("input block size must be in [1, D−1] = [1, " + (d - 1) + "], got "
                    + inputDim);
        }
        if (prior.dimension() != d) {
            throw new IllegalArgumentException("prior has dimension " + prior.dimension() + " but the points have D = "
                    + d);
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and ≥ 0, got " + ridge);
        }
        double[] w = normalizedWeights(weights, n);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            double[] y = points[i];
            if (y.length != d) {
                throw new IllegalArgumentException("point " + i + " has " + y.length + " coordinates, point 0 has "
                        + d);
            }
            for (int a = 0; a < d; a++) {
                mean[a] += w[i] * y[a];
            }
        }
        double count = n;
        double denominator = count + prior.covarianceCount();
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("N + n0 must be positive, got N = " + n + ", n0 = "
                    + prior.covarianceCount());
        }
        // Σ = [N·S + Φ + c·δδᵀ]/(N+n0) with S = Σ w_i (y_i−μ̂)(y_i−μ̂)ᵀ; the upper triangle is accumulated and
        // mirrored, which is the exact symmetrization the formula asks for.
        double[] sigma = new double[d * d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            double[] y = points[i];
            for (int a = 0; a < d; a++) {
                centred[a] = y[a] - mean[a];
            }
            double scale = count * w[i];
            if (scale != 0) {
                addScaledOuterUpper(sigma, d, centred, scale);
            }
        }
        double m = prior.meanCount();
        double[] phi = prior.scatter();
        double meanShrink = m == 0 ? 0 : count * m / (count + m);
        double[] delta = new double[d];
        for (int a = 0; a < d; a++) {
            delta[a] = mean[a] - prior.mean()[a];
        }
        if (meanShrink != 0) {
            addScaledOuterUpper(sigma, d, delta, meanShrink);
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                // Φ need not be bitwise symmetric (the reference forms it asymmetrically); average its two triangles
                double v = (sigma[a * d + b] + 0.5 * (phi[a * d + b] + phi[b * d + a])) / denominator;
                sigma[a * d + b] = v;
                sigma[b * d + a] = v;
            }
        }
        return conditionJoint(sigma, mean, d, inputDim, ridge, form);
    }

    /** Conditions N(mean, sigma) over [in; out] (sigma D × D, symmetric) after adding the ridge to its input block. */
    private static ConditionedGaussian conditionJoint(double[] sigma, double[] mean, int d, int inputDim, double ridge,
            RidgeForm form) {
        int ni = inputDim;
        int no = d - ni;
        double[] inBlock = new double[ni * ni];
        double largestDiagonal = 0;
        for (int a = 0; a < ni; a++) {
            System.arraycopy(sigma, a * d, inBlock, a * ni, ni);
            if (form == RidgeForm.IDENTITY) {
                inBlock[a * ni + a] += ridge;
            } else {
                for (int b = 0; b < ni; b++) {
                    inBlock[a * ni + b] += ridge;
                }
            }
            largestDiagonal = Math.max(largestDiagonal, inBlock[a * ni + a]);
        }
        // the right-looking factorization vectorizes (UpperCholesky); the solves below want L = Uᵀ
        Optional<double[]> factor = UpperCholesky.factor(inBlock, ni);
        if (factor.isEmpty() || smallestPivotSquared(factor.get(), ni) <= SINGULAR_PIVOT_RATIO * largestDiagonal) {
            throw new NotPositiveDefiniteException("the regularized input block Σ[in,in] (" + ni + " × " + ni
                    + ", ridge " + ridge + " as " + form + ") is singular or not positive definite; raise the ridge"
                    + " (as r·I), use a prior, or supply more points");
        }
        double[] l = Matrices.transpose(factor.get(), ni, ni);
        // Z = L⁻¹ Σ[in,out]  (ni × no)
        double[] z = new double[ni * no];
        for (int a = 0; a < ni; a++) {
            System.arraycopy(sigma, a * d + ni, z, a * no, no);
        }
        Spd.solveLower(l, ni, z, no);
        double[] covariance = new double[no * no];
        for (int a = 0; a < no; a++) {
            System.arraycopy(sigma, (ni + a) * d + ni, covariance, a * no, no);
        }
        // Σ_cond = Σ[out,out] − ZᵀZ, upper triangle then mirrored
        double[] product = new double[no * no];
        for (int r = 0; r < ni; r++) {
            int row = r * no;
            for (int a = 0; a < no; a++) {
                double za = z[row + a];
                if (za != 0) {
                    int base = a * no;
                    for (int b = a; b < no; b++) {
                        product[base + b] += za * z[row + b];
                    }
                }
            }
        }
        for (int a = 0; a < no; a++) {
            for (int b = a; b < no; b++) {
                double v = covariance[a * no + b] - product[a * no + b];
                covariance[a * no + b] = v;
                covariance[b * no + a] = v;
            }
        }
        // G = L⁻ᵀ Z = Σ[in,in]⁻¹ Σ[in,out]; F = Gᵀ
        Spd.solveLowerTransposed(l, ni, z, no);
        double[] gain = new double[no * ni];
        for (int a = 0; a < ni; a++) {
            for (int b = 0; b < no; b++) {
                gain[b * ni + a] = z[a * no + b];
            }
        }
        double[] offset = new double[no];
        for (int b = 0; b < no; b++) {
            double s = mean[ni + b];
            int base = b * ni;
            for (int a = 0; a < ni; a++) {
                s -= gain[base + a] * mean[a];
            }
            offset[b] = s;
        }
        return new ConditionedGaussian(ni, no, gain, offset, covariance);
    }

    /**
     * target[a, b] += Σ_j scale_j · v_j,a · v_j,b for b ≥ a and four vectors at once: each row of the target is loaded
     * and stored once per four outer products (the GMM's M-step accumulates one per point and cluster).
     */
    static void addScaledOuterUpper4(double[] target, int d, double[] v0, double s0, double[] v1, double s1,
            double[] v2, double s2, double[] v3, double s3) {
        for (int a = 0; a < d; a++) {
            double a0 = s0 * v0[a];
            double a1 = s1 * v1[a];
            double a2 = s2 * v2[a];
            double a3 = s3 * v3[a];
            int base = a * d;
            for (int b = a; b < d; b++) {
                target[base + b] += a0 * v0[b] + a1 * v1[b] + a2 * v2[b] + a3 * v3[b];
            }
        }
    }

    /** target[a, b] += scale · v_a · v_b for b ≥ a (upper triangle only). */
    static void addScaledOuterUpper(double[] target, int d, double[] v, double scale) {
        for (int a = 0; a < d; a++) {
            double va = scale * v[a];
            if (va != 0) {
                int base = a * d;
                for (int b = a; b < d; b++) {
                    target[base + b] += va * v[b];
                }
            }
        }
    }

    private static double smallestPivotSquared(double[] l, int n) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            smallest = Math.min(smallest, l[i * n + i] * l[i * n + i]);
        }
        return smallest;
    }

    private static double[] normalizedWeights(double[] weights, int n) {
        double[] w = new double[n];
        if (weights == null) {
            Arrays.fill(w, 1.0 / n);
            return w;
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("expected " + n + " weights, one per point, got " + weights.length);
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and ≥ 0, got " + weights[i]);
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum, got " + total);
        }
        for (int i = 0; i < n; i++) {
            w[i] = weights[i] / total;
        }
        return w;
    }
}
