package org.l2o4j.gps.dynamics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.l2o4j.core.vector.VectorApi;
import org.l2o4j.gps.linalg.NotPositiveDefiniteException;
import org.l2o4j.gps.linalg.Spd;

/**
 * A Gaussian mixture over D-dimensional points, fitted by EM (gps.md §4.4; Levine &amp; Abbeel 2014; Levine et
 * al. 2016 App. A.3). Immutable: {@link #fit} returns a new mixture; warm starting means passing the previous one as
 * the start. Each cluster's Cholesky factor is computed once, at construction, and serves every E-step and query.
 *
 * <p>EM as in the reference (cbfinn/gps {@code utility/gmm.py}): the E-step evaluates log π_k + log N(y | μ_k, Σ_k)
 * through the Cholesky factor and normalizes in log-sum-exp form; EM stops when the log-likelihood decreases, when
 * |ℓ − ℓ_prev| &lt; 10⁻⁵·|ℓ_prev| (the reference writes ℓ_prev without the absolute value, which only differs for
 * negative log-likelihoods), or after the iteration cap, and keeps the parameters that were evaluated last. The M-step
 * sets the masses to the normalized column sums of the responsibilities; a cluster with mass below 10⁻⁴/K is rebooted
 * with uniform weights 1/P (its mass is left as computed); means and covariances use the column-normalized weights,
 * and every covariance is symmetrized and gets 10⁻⁶·I so that it stays positive definite when a cluster collapses
 * onto fewer than D points.
 */
public final class GaussianMixture implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Added to every M-step covariance: keeps clusters with fewer than D effective points positive definite. */
    public static final double COVARIANCE_REGULARIZATION = 1e-6;
    /** Added to every initial covariance (the reference's 2e-6). */
    public static final double INITIAL_COVARIANCE_REGULARIZATION = 2e-6;
    /** EM stops when the log-likelihood's relative change falls below this. */
    public static final double RELATIVE_TOLERANCE = 1e-5;
    /** A cluster whose mass is below this fraction of 1/K gets uniform weights in the M-step. */
    public static final double REBOOT_MASS_FRACTION = 1e-4;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** How {@link #fromAssignment} scales each cluster's scatter into its initial covariance. */
    public enum InitialCovariance {
        /** scatter / n_k: the covariance of the assigned points (L2O4J's default). */
        CLUSTER_COVARIANCE,
        /** scatter / K: what cbfinn/gps does (gps-fixtures/README.md §7.6); for golden tests. */
        SCATTER_OVER_CLUSTER_COUNT
    }

    /**
     * One EM run.
     *
     * @param mixture            the fitted mixture (the parameters of the last E-step, or of the last M-step when the
     *                           iteration cap ended EM)
     * @param logLikelihoodTrace Σ_i log p(y_i) at each E-step, in order
     * @param logResponsibilities the normalized log responsibilities log p(k | y_i) (P × K row-major) of the E-step
     *                           whose M-step gave {@code mixture}: {@link #fromResponsibilities} of the data and
     *                           these returns {@code mixture} bit for bit (EM always ends on a mixture that an M-step
     *                           produced, since the first E-step can never stop it)
     */
    public record EmResult(GaussianMixture mixture, double[] logLikelihoodTrace, double[] logResponsibilities)
            implements Serializable {

        /** The number of E-steps EM ran. */
        public int eStepCount() {
            return logLikelihoodTrace.length;
        }
    }

    /** μ0 and Φ0 of a mixture under given cluster weights (D and D × D row-major). */
    public record Moments(double[] mean, double[] covariance) {
    }

    private final int clusterCount;
    private final int dimension;
    private final double[][] means;
    private final double[][] covariances;
    private final double[] logMasses;
    /** Upper Cholesky factors U_k with Σ_k = U_kᵀU_k. */
    private final double[][] choleskyFactors;
    /** −½ D ln 2π − ½ ln|Σ_k| + log π_k: the point-independent part of each cluster's log joint density. */
    private final double[] logNormalizers;

    private GaussianMixture(double[][] means, double[][] covariances, double[] logMasses) {
        this.clusterCount = means.length;
        if (clusterCount < 1 || covariances.length != clusterCount || logMasses.length != clusterCount) {
            throw new IllegalArgumentException("a mixture needs K ≥ 1 and K means, covariances and log masses; got "
                    + means.length + ", " + covariances.length + ", " + logMasses.length);
        }
        this.dimension = means[0].length;
        this.means = means;
        this.covariances = covariances;
        this.logMasses = logMasses;
        this.choleskyFactors = new double[clusterCount][];
        this.logNormalizers = new double[clusterCount];
        for (int k = 0; k < clusterCount; k++) {
            if (means[k].length != dimension || covariances[k].length != dimension * dimension) {
                throw new IllegalArgumentException("cluster " + k + " has a mean of " + means[k].length
                        + " and a covariance of " + covariances[k].length + " entries; D = " + dimension);
            }
            Optional<double[]> factor = UpperCholesky.factor(covariances[k], dimension);
            if (factor.isEmpty()) {
                throw new NotPositiveDefiniteException("covariance of mixture cluster " + k + " of " + clusterCount
                        + " (" + dimension + " × " + dimension + ") is not positive definite; the data may contain"
                        + " non-finite or huge values");
            }
            choleskyFactors[k] = factor.get();
            logNormalizers[k] = logMasses[k] - 0.5 * dimension * LOG_2PI
                    - 0.5 * Spd.logDeterminant(choleskyFactors[k], dimension);
        }
    }

    /**
     * A mixture from its parameters (arrays are not copied).
     *
     * @param means       K × D
     * @param covariances K × (D × D row-major), symmetric positive definite
     * @param logMasses   K log mixing proportions
     */
    public static GaussianMixture of(double[][] means, double[][] covariances, double[] logMasses) {
        return new GaussianMixture(means, covariances, logMasses);
    }

    /** A uniform random hard assignment of P points to K clusters, drawn from {@code rng}. */
    public static int[] randomAssignment(int pointCount, int clusterCount, RandomGenerator rng) {
        int[] assignment = new int[pointCount];
        for (int i = 0; i < pointCount; i++) {
            assignment[i] = rng.nextInt(clusterCount);
        }
        return assignment;
    }

    /**
     * EM's starting point from a hard assignment: each cluster's mean and scaled scatter from its points, plus
     * 2·10⁻⁶·I, and uniform masses. An empty cluster starts from all points' statistics, so it is not undefined.
     */
    public static GaussianMixture fromAssignment(double[][] data, int[] assignment, int clusterCount,
            InitialCovariance scaling) {
        int p = data.length;
        if (p == 0 || assignment.length != p) {
            throw new IllegalArgumentException("need one cluster index per point: " + p + " points, "
                    + assignment.length + " indices");
        }
        int d = data[0].length;
        double[][] means = new double[clusterCount][];
        double[][] covariances = new double[clusterCount][];
        double[] logMasses = new double[clusterCount];
        for (int i = 0; i < p; i++) {
            if (assignment[i] < 0 || assignment[i] >= clusterCount) {
                throw new IllegalArgumentException("cluster index " + assignment[i] + " of point " + i
                        + " is outside [0, " + clusterCount + ")");
            }
        }
        boolean[] member = new boolean[p];
        for (int k = 0; k < clusterCount; k++) {
            int size = 0;
            for (int i = 0; i < p; i++) {
                member[i] = assignment[i] == k;
                size += member[i] ? 1 : 0;
            }
            if (size == 0) {
                Arrays.fill(member, true);
                size = p;
            }
            double[] mean = new double[d];
            for (int i = 0; i < p; i++) {
                if (member[i]) {
                    double[] y = data[i];
                    for (int a = 0; a < d; a++) {
                        mean[a] += y[a];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                mean[a] /= size;
            }
            double scale = 1.0 / (scaling == InitialCovariance.CLUSTER_COVARIANCE ? size : clusterCount);
            double[] covariance = new double[d * d];
            double[] centred = new double[d];
            for (int i = 0; i < p; i++) {
                if (member[i]) {
                    for (int a = 0; a < d; a++) {
                        centred[a] = data[i][a] - mean[a];
                    }
                    GaussianConditioner.addScaledOuterUpper(covariance, d, centred, scale);
                }
            }
            mirrorUpperAndAddDiagonal(covariance, d, INITIAL_COVARIANCE_REGULARIZATION);
            means[k] = mean;
            covariances[k] = covariance;
            logMasses[k] = Math.log(1.0 / clusterCount);
        }
        return new GaussianMixture(means, covariances, logMasses);
    }

    /**
     * Runs EM on the data (P × D) from {@code start}, for at most {@code maxIterations} E-steps.
     *
     * @throws IllegalArgumentException if the dimensions disagree or maxIterations &lt; 1
     */
    public static EmResult fit(double[][] data, GaussianMixture start, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("EM needs at least 1 iteration, got " + maxIterations);
        }
        int p = data.length;
        if (p == 0) {
            throw new IllegalArgumentException("EM needs at least one point, got 0");
        }
        start.requireDimension(data[0].length);
        int k = start.clusterCount;
        double[] trace = new double[maxIterations];
        double previous = Double.NEGATIVE_INFINITY;
        GaussianMixture current = start;
        double[] responsibilities = null;
        int steps = 0;
        while (steps < maxIterations) {
            // a fresh array per E-step: the one behind the returned mixture must survive the next E-step
            double[] logJoint = new double[p * k];
            current.logJoint(data, logJoint);
            double logLikelihood = 0;
            for (int i = 0; i < p; i++) {
                logLikelihood += logSumExp(logJoint, i * k, k);
            }
            trace[steps++] = logLikelihood;
            if (logLikelihood < previous
                    || Math.abs(logLikelihood - previous) < RELATIVE_TOLERANCE * Math.abs(previous)) {
                break;
            }
            previous = logLikelihood;
            for (int i = 0; i < p; i++) {
                double norm = logSumExp(logJoint, i * k, k);
                for (int c = 0; c < k; c++) {
                    logJoint[i * k + c] -= norm;
                }
            }
            current = maximize(data, logJoint, k);
            responsibilities = logJoint;
        }
        return new EmResult(current, Arrays.copyOf(trace, steps), responsibilities);
    }

    /**
     * The M-step of EM (see the class comment) from normalized log responsibilities: the mixture that
     * {@link EmResult#mixture()} is, given the data EM ran on and {@link EmResult#logResponsibilities()}. A snapshot
     * of a fitted mixture can therefore store P × K responsibilities instead of K covariances.
     *
     * @param data                the points EM ran on, P × D, in the same order
     * @param logResponsibilities log p(k | y_i), P × K row-major
     * @param clusterCount        K
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static GaussianMixture fromResponsibilities(double[][] data, double[] logResponsibilities,
            int clusterCount) {
        if (clusterCount < 1 || data.length == 0 || logResponsibilities.length != (long) data.length * clusterCount) {
            throw new IllegalArgumentException("need P × K log responsibilities for P ≥ 1 points and K ≥ 1 clusters;"
                    + " got " + logResponsibilities.length + " for P = " + data.length + ", K = " + clusterCount);
        }
        int d = data[0].length;
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has dimension " + data[i].length + ", point 0 has "
                        + d);
            }
        }
        return maximize(data, logResponsibilities, clusterCount);
    }

    /** The M-step from normalized log responsibilities (P × K row-major, not modified). */
    private static GaussianMixture maximize(double[][] data, double[] logResponsibilities, int k) {
        int p = data.length;
        int d = data[0].length;
        double[] columnLogSums = new double[k];
        double[] column = new double[p];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < p; i++) {
                column[i] = logResponsibilities[i * k + c];
            }
            columnLogSums[c] = logSumExp(column, 0, p);
        }
        double total = logSumExp(columnLogSums, 0, k);
        double[] newLogMasses = new double[k];
        double[][] newMeans = new double[k][];
        double[][] newCovariances = new double[k][];
        double[] weights = new double[p];
        double[][] centred = new double[4][d];
        double[] pendingWeights = new double[4];
        for (int c = 0; c < k; c++) {
            newLogMasses[c] = columnLogSums[c] - total;
            boolean reboot = Math.exp(newLogMasses[c]) < REBOOT_MASS_FRACTION / k;
            for (int i = 0; i < p; i++) {
                weights[i] = reboot ? 1.0 / p : Math.exp(logResponsibilities[i * k + c] - columnLogSums[c]);
            }
            double[] mean = new double[d];
            for (int i = 0; i < p; i++) {
                double wi = weights[i];
                if (wi != 0) {
                    double[] y = data[i];
                    for (int a = 0; a < d; a++) {
                        mean[a] += wi * y[a];
                    }
                }
            }
            double[] covariance = new double[d * d];
            int pending = 0;
            for (int i = 0; i < p; i++) {
                double wi = weights[i];
                // responsibilities that underflow to exactly 0 contribute nothing: skipping them is exact
                if (wi != 0) {
                    double[] y = data[i];
                    double[] target = centred[pending];
                    for (int a = 0; a < d; a++) {
                        target[a] = y[a] - mean[a];
                    }
                    pendingWeights[pending++] = wi;
                    if (pending == 4) {
                        GaussianConditioner.addScaledOuterUpper4(covariance, d, centred[0], pendingWeights[0],
                                centred[1], pendingWeights[1], centred[2], pendingWeights[2], centred[3],
                                pendingWeights[3]);
                        pending = 0;
                    }
                }
            }
            for (int j = 0; j < pending; j++) {
                GaussianConditioner.addScaledOuterUpper(covariance, d, centred[j], pendingWeights[j]);
            }
            mirrorUpperAndAddDiagonal(covariance, d, COVARIANCE_REGULARIZATION);
            newMeans[c] = mean;
            newCovariances[c] = covariance;
        }
        return new GaussianMixture(newMeans, newCovariances, newLogMasses);
    }

    /**
     * log π_k + log N(y_i | μ_k, Σ_k) for every point and cluster, written to {@code out} (P × K row-major); the
     * Mahalanobis term is ‖z‖² with U_kᵀ z = y_i − μ_k.
     */
    private void logJoint(double[][] points, double[] out) {
        int p = points.length;
        int d = dimension;
        int k = clusterCount;
        double[][] centred = new double[4][d];
        double[] norms = new double[4];
        for (int c = 0; c < k; c++) {
            double[] mu = means[c];
            double[] u = choleskyFactors[c];
            int i = 0;
            if (VectorApi.AVAILABLE) {
                for (; i + 3 < p; i += 4) {
                    for (int j = 0; j < 4; j++) {
                        double[] y = points[i + j];
                        double[] target = centred[j];
                        for (int a = 0; a < d; a++) {
                            target[a] = y[a] - mu[a];
                        }
                    }
                    VectorSolves.solveTransposedSquaredNorms4(u, d, centred[0], centred[1], centred[2], centred[3],
                            norms);
                    for (int j = 0; j < 4; j++) {
                        out[(i + j) * k + c] = logNormalizers[c] - 0.5 * norms[j];
                    }
                }
            }
            for (; i < p; i++) {
                double[] y = points[i];
                double[] target = centred[0];
                for (int a = 0; a < d; a++) {
                    target[a] = y[a] - mu[a];
                }
                out[i * k + c] = logNormalizers[c] - 0.5 * UpperCholesky.solveTransposedSquaredNorm(u, d, target);
            }
        }
    }

    /**
     * The posterior cluster weights of the query points, averaged over the points in log space (gps.md §4.4):
     * w_k = (1/P) Σ_i p(k | y_i), returned as log w_k.
     */
    public double[] averagedLogWeights(double[][] points) {
        int p = points.length;
        if (p == 0) {
            throw new IllegalArgumentException("mixture query needs at least one point, got 0");
        }
        requireDimension(points[0].length);
        for (int i = 0; i < p; i++) {
            requireDimension(points[i].length);
        }
        int k = clusterCount;
        double[] logJoint = new double[p * k];
        logJoint(points, logJoint);
        for (int i = 0; i < p; i++) {
            double norm = logSumExp(logJoint, i * k, k);
            for (int c = 0; c < k; c++) {
                logJoint[i * k + c] -= norm;
            }
        }
        double[] result = new double[k];
        double[] column = new double[p];
        double logP = Math.log(p);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < p; i++) {
                column[i] = logJoint[i * k + c];
            }
            result[c] = logSumExp(column, 0, p) - logP;
        }
        return result;
    }

    /**
     * The mean and covariance of the mixture with cluster weights w_k = exp(logWeights[k]):
     * μ0 = Σ w_k μ_k, Φ0 = Σ w_k [Σ_k + (μ_k − μ0)(μ_k − μ0)ᵀ] (exactly symmetric).
     */
    public Moments moments(double[] logWeights) {
        if (logWeights.length != clusterCount) {
            throw new IllegalArgumentException("expected " + clusterCount + " cluster weights, got "
                    + logWeights.length);
        }
        int d = dimension;
        double[] mean = new double[d];
        double[] w = new double[clusterCount];
        for (int c = 0; c < clusterCount; c++) {
            w[c] = Math.exp(logWeights[c]);
            for (int a = 0; a < d; a++) {
                mean[a] += w[c] * means[c][a];
            }
        }
        double[] covariance = new double[d * d];
        double[] diff = new double[d];
        for (int c = 0; c < clusterCount; c++) {
            if (w[c] == 0) {
                continue;
            }
            double[] sigma = covariances[c];
            for (int a = 0; a < d; a++) {
                int base = a * d;
                for (int b = a; b < d; b++) {
                    covariance[base + b] += w[c] * sigma[base + b];
                }
                diff[a] = means[c][a] - mean[a];
            }
            GaussianConditioner.addScaledOuterUpper(covariance, d, diff, w[c]);
        }
        mirrorUpperAndAddDiagonal(covariance, d, 0);
        return new Moments(mean, covariance);
    }

    /** K. */
    public int clusterCount() {
        return clusterCount;
    }

    /** D. */
    public int dimension() {
        return dimension;
    }

    /** μ_k (not copied). */
    public double[] mean(int cluster) {
        return means[cluster];
    }

    /** Σ_k, D × D row-major (not copied). */
    public double[] covariance(int cluster) {
        return covariances[cluster];
    }

    /** log π_k. */
    public double logMass(int cluster) {
        return logMasses[cluster];
    }

    private void requireDimension(int d) {
        if (d != dimension) {
            throw new IllegalArgumentException("points have dimension " + d + " but the mixture has D = "
                    + dimension);
        }
    }

    /** Copies the upper triangle onto the lower one and adds {@code diagonal} to the diagonal. */
    private static void mirrorUpperAndAddDiagonal(double[] a, int d, double diagonal) {
        for (int i = 0; i < d; i++) {
            a[i * d + i] += diagonal;
            for (int j = i + 1; j < d; j++) {
                a[j * d + i] = a[i * d + j];
            }
        }
    }

    /** log Σ exp(v[offset .. offset+length)), stable for large magnitudes; −∞ if all entries are −∞. */
    static double logSumExp(double[] v, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, v[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int i = offset; i < offset + length; i++) {
            s += Math.exp(v[i] - max);
        }
        return max + Math.log(s);
    }
}
