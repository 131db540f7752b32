package org.l2o4j.gps.dynamics;

/**
 * Normal-inverse-Wishart hyperparameters (μ0, Φ, m, n0) for the joint Gaussian of one time step's points
 * (gps.md §4.3–§4.4). Φ is a scatter matrix worth m pseudo-observations (already multiplied by m), m weighs the prior
 * mean and n0 the prior covariance. m = n0 = 0 with Φ = 0 is "no prior": the posterior is the empirical Gaussian.
 *
 * <p>The arrays are not copied; treat them as immutable.
 *
 * @param mean      μ0, length D
 * @param scatter   Φ, D × D row-major
 * @param meanCount m ≥ 0
 * @param covarianceCount n0; the reference can produce negative values (gps-fixtures/README.md §7.5), so only
 *                  finiteness is required here and the conditioner checks N + n0 &gt; 0
 */
public record NiwPrior(double[] mean, double[] scatter, double meanCount, double covarianceCount) {

    public NiwPrior {
        int d = mean.length;
        if (d == 0) {
            throw new IllegalArgumentException("NIW prior needs dimension D ≥ 1, got 0");
        }
        if (scatter.length != d * d) {
            throw new IllegalArgumentException("NIW scatter Φ must be D × D = " + d + " × " + d + " (" + d * d
                    + " entries) to match μ0, got " + scatter.length + " entries");
        }
        if (!(meanCount >= 0) || !Double.isFinite(meanCount)) {
            throw new IllegalArgumentException("NIW pseudo-count m must be finite and ≥ 0, got " + meanCount);
        }
        if (!Double.isFinite(covarianceCount)) {
            throw new IllegalArgumentException("NIW pseudo-count n0 must be finite, got " + covarianceCount);
        }
    }

    /** The non-informative prior of dimension D: the conditioner then returns the plain (ridged) regression. */
    public static NiwPrior none(int dimension) {
        return new NiwPrior(new double[dimension], new double[dimension * dimension], 0, 0);
    }

    /** D, the dimension of the joint points. */
    public int dimension() {
        return mean.length;
    }
}
