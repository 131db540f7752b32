package org.l2o4j.gps.dynamics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link GmmPrior} carries from one update to the next, so that a prior restored from it
 * ({@link GmmPrior#restore}) continues exactly as the one it was taken from ({@link GmmPrior#state}): the buffered
 * trajectories, the fitted mixture (EM's next warm start), the n0 point count, and the EM (re)initializations drawn so
 * far, which a restore replays on the new prior's generator so that its next draw is the uninterrupted run's.
 *
 * <p>{@link GmmPrior#state} stores the mixture in whichever exact form is smaller: the normalized log responsibilities
 * of the E-step behind the last M-step (P·K doubles; the M-step of the buffered points and these is the mixture bit
 * for bit, {@link GaussianMixture#fromResponsibilities}), or the parameters with each covariance as its upper
 * triangle (K·(D + D(D+1)/2 + 1) doubles; M-step covariances are exactly symmetric). At Li &amp; Malik's sizes that is
 * the responsibilities for the policy prior (P = 800, D = 237) and the parameters for the known-transition dynamics
 * prior (P = 780, D = 13). Arrays are not copied; do not modify them.
 *
 * @param dimension          D
 * @param trajectoryLengths  the number of rows of each buffered trajectory, oldest first
 * @param points             the buffered rows, oldest trajectory first, row-major (P × D with P = Σ lengths)
 * @param trainingPointCount P of the n0 formula (see {@link GmmPriorConfig#cbfinnCompatible()})
 * @param initializations    the EM (re)initializations so far, in order
 * @param mixture            the fitted mixture in one of its exact stored forms
 */
public record GmmPriorState(int dimension, int[] trajectoryLengths, double[] points, int trainingPointCount,
        List<Initialization> initializations, StoredMixture mixture) {

    /** One EM initialization: a random hard assignment of {@code points} points to {@code clusters} clusters. */
    public record Initialization(int points, int clusters) implements Serializable {

        public Initialization {
            if (points < 1 || clusters < 1) {
                throw new IllegalArgumentException("an initialization assigns ≥ 1 points to ≥ 1 clusters, got "
                        + points + " points and " + clusters + " clusters");
            }
        }
    }

    /** An exact stored form of a fitted mixture. */
    public sealed interface StoredMixture permits Responsibilities, Parameters {

        /** K. */
        int clusterCount();

        /** The mixture, given the points (P × D) it was fitted on. */
        GaussianMixture mixture(double[][] data);
    }

    /**
     * The mixture as the M-step of the buffered points and these normalized log responsibilities.
     *
     * @param clusterCount        K
     * @param logResponsibilities log p(k | y_i), P × K row-major
     */
    public record Responsibilities(int clusterCount, double[] logResponsibilities) implements StoredMixture {

        public Responsibilities {
            if (clusterCount < 1) {
                throw new IllegalArgumentException("a mixture needs K ≥ 1 clusters, got " + clusterCount);
            }
            Objects.requireNonNull(logResponsibilities, "logResponsibilities");
        }

        @Override
        public GaussianMixture mixture(double[][] data) {
            return GaussianMixture.fromResponsibilities(data, logResponsibilities, clusterCount);
        }
    }

    /**
     * The mixture by its parameters.
     *
     * @param clusterCount     K
     * @param means            μ_k, K × D row-major
     * @param upperCovariances the upper triangle (diagonal included, row by row) of each Σ_k, K × D(D+1)/2
     * @param logMasses        log π_k, K entries
     */
    public record Parameters(int clusterCount, double[] means, double[] upperCovariances, double[] logMasses)
            implements StoredMixture {

        public Parameters {
            if (clusterCount < 1 || logMasses.length != clusterCount || means.length % clusterCount != 0) {
                throw new IllegalArgumentException("a mixture needs K ≥ 1, K log masses and K means; got K = "
                        + clusterCount + ", " + logMasses.length + " log masses, " + means.length + " mean entries");
            }
            long d = means.length / clusterCount;
            if (upperCovariances.length != clusterCount * (d * (d + 1) / 2)) {
                throw new IllegalArgumentException("K = " + clusterCount + " covariances of D = " + d + " need "
                        + clusterCount * (d * (d + 1) / 2) + " upper-triangle entries, got " + upperCovariances.length);
            }
        }

        /** The parameters of {@code mixture}. */
        static Parameters of(GaussianMixture mixture) {
            int k = mixture.clusterCount();
            int d = mixture.dimension();
            int triangle = d * (d + 1) / 2;
            double[] means = new double[k * d];
            double[] upper = new double[k * triangle];
            double[] logMasses = new double[k];
            for (int c = 0; c < k; c++) {
                System.arraycopy(mixture.mean(c), 0, means, c * d, d);
                double[] sigma = mixture.covariance(c);
                int at = c * triangle;
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        upper[at++] = sigma[i * d + j];
                    }
                }
                logMasses[c] = mixture.logMass(c);
            }
            return new Parameters(k, means, upper, logMasses);
        }

        @Override
        public GaussianMixture mixture(double[][] data) {
            int k = clusterCount;
            int d = means.length / k;
            int triangle = d * (d + 1) / 2;
            double[][] mu = new double[k][];
            double[][] sigma = new double[k][];
            for (int c = 0; c < k; c++) {
                mu[c] = Arrays.copyOfRange(means, c * d, (c + 1) * d);
                double[] full = new double[d * d];
                int at = c * triangle;
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        full[i * d + j] = upperCovariances[at];
                        full[j * d + i] = upperCovariances[at++];
                    }
                }
                sigma[c] = full;
            }
            return GaussianMixture.of(mu, sigma, logMasses.clone());
        }
    }

    public GmmPriorState {
        Objects.requireNonNull(mixture, "mixture");
        initializations = List.copyOf(initializations);
        if (dimension < 1 || trajectoryLengths.length == 0) {
            throw new IllegalArgumentException("a fitted prior has D ≥ 1 and ≥ 1 buffered trajectories; got D = "
                    + dimension + " and " + trajectoryLengths.length + " trajectories");
        }
        long rows = 0;
        for (int n = 0; n < trajectoryLengths.length; n++) {
            if (trajectoryLengths[n] < 1) {
                throw new IllegalArgumentException("buffered trajectory " + n + " has " + trajectoryLengths[n]
                        + " rows; every trajectory has ≥ 1");
            }
            rows += trajectoryLengths[n];
        }
        if (points.length != rows * dimension) {
            throw new IllegalArgumentException(rows + " buffered rows of D = " + dimension + " need "
                    + rows * dimension + " values, got " + points.length);
        }
        if (trainingPointCount < 1) {
            throw new IllegalArgumentException("training point count must be ≥ 1, got " + trainingPointCount);
        }
        if (mixture instanceof Responsibilities r && r.logResponsibilities().length != rows * r.clusterCount()) {
            throw new IllegalArgumentException(rows + " points and K = " + r.clusterCount() + " need "
                    + rows * r.clusterCount() + " log responsibilities, got " + r.logResponsibilities().length);
        }
        if (mixture instanceof Parameters p && p.means().length != (long) p.clusterCount() * dimension) {
            throw new IllegalArgumentException("K = " + p.clusterCount() + " means of D = " + dimension + " need "
                    + (long) p.clusterCount() * dimension + " values, got " + p.means().length);
        }
    }

    /**
     * The smaller exact form of a mixture fitted on {@code pointCount} points: its responsibilities when P·K ≤
     * K·(D + D(D+1)/2 + 1) and they are known ({@code logResponsibilities} non-null), else its parameters.
     */
    static StoredMixture compact(GaussianMixture mixture, double[] logResponsibilities, int pointCount) {
        long d = mixture.dimension();
        boolean responsibilitiesAreSmaller = pointCount <= d + d * (d + 1) / 2 + 1;
        return logResponsibilities != null && responsibilitiesAreSmaller
                ? new Responsibilities(mixture.clusterCount(), logResponsibilities)
                : Parameters.of(mixture);
    }

    /** The number of buffered trajectories. */
    public int trajectoryCount() {
        return trajectoryLengths.length;
    }

    /** P, the number of buffered rows. */
    public int pointCount() {
        return points.length / dimension;
    }

    /** The buffered trajectories, oldest first, as new arrays. */
    public List<double[][]> trajectories() {
        List<double[][]> trajectories = new ArrayList<>(trajectoryLengths.length);
        int at = 0;
        for (int length : trajectoryLengths) {
            double[][] rows = new double[length][];
            for (int t = 0; t < length; t++) {
                rows[t] = Arrays.copyOfRange(points, at, at + dimension);
                at += dimension;
            }
            trajectories.add(rows);
        }
        return trajectories;
    }
}
