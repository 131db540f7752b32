package org.l2o4j.policy;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-dimension input standardization ô = (o − mean) / std, applied inside the policy's forward pass and stored
 * with it (gps.md §4.10). std is the population standard deviation floored at {@link #STD_FLOOR}, so that a feature
 * that never varies (an unfilled history slot, papers.md §1.2) is not blown up. Statistics are computed once, at the
 * first regression, and kept: later training data then passes through the same map the policy was trained under.
 *
 * <p>Immutable: the accessors return copies. Serializable, so that a policy can travel inside an engine's units.
 */
public final class InputNormalization implements Serializable {

    /** Smallest std used (gps.md §4.10, from the reference's max(std, 1e-3)). */
    public static final double STD_FLOOR = 1e-3;

    private final double[] mean;
    private final double[] std;
    private final double[] inverseStd;
    private final boolean fitted;

    private InputNormalization(double[] mean, double[] std, boolean fitted) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("normalization mean has " + mean.length + " entries but std has "
                    + std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("normalization mean[" + i + "] = " + mean[i] + " is not finite");
            }
            if (!(std[i] >= STD_FLOOR) || !Double.isFinite(std[i])) {
                throw new IllegalArgumentException("normalization std[" + i + "] = " + std[i]
                        + " must be finite and at least " + STD_FLOOR);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.inverseStd = new double[std.length];
        for (int i = 0; i < std.length; i++) {
            inverseStd[i] = 1.0 / std[i];
        }
        this.fitted = fitted;
    }

    /** A deserialized normalization is checked like any other (the stream could hold anything). */
    private Object readResolve() {
        return new InputNormalization(mean, std, fitted);
    }

    /** The placeholder of an untrained policy: mean 0, std 1, not fitted. */
    public static InputNormalization identity(int dimension) {
        double[] ones = new double[dimension];
        Arrays.fill(ones, 1.0);
        return new InputNormalization(new double[dimension], ones, false);
    }

    /** Given statistics (e.g. from a checkpoint); std entries must already be at least {@link #STD_FLOOR}. */
    public static InputNormalization of(double[] mean, double[] std, boolean fitted) {
        return new InputNormalization(mean, std, fitted);
    }

    /** Mean and floored population std of {@code rows} observations of length {@code dimension} (row-major). */
    public static InputNormalization fit(double[] observations, int rows, int dimension) {
        if (rows < 1) {
            throw new IllegalArgumentException("cannot fit a normalization to " + rows + " rows");
        }
        double[] mean = new double[dimension];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < dimension; i++) {
                mean[i] += observations[r * dimension + i];
            }
        }
        for (int i = 0; i < dimension; i++) {
            mean[i] /= rows;
        }
        // Two passes rather than E[o²] − E[o]²: features such as gradients can have |mean| ≫ std.
        double[] std = new double[dimension];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < dimension; i++) {
                double c = observations[r * dimension + i] - mean[i];
                std[i] += c * c;
            }
        }
        for (int i = 0; i < dimension; i++) {
            std[i] = Math.max(Math.sqrt(std[i] / rows), STD_FLOOR);
        }
        return new InputNormalization(mean, std, true);
    }

    /** Number of inputs. */
    public int dimension() {
        return mean.length;
    }

    /** Whether the statistics came from data (false for the {@link #identity} placeholder). */
    public boolean fitted() {
        return fitted;
    }

    /** Per-dimension means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Per-dimension floored standard deviations (a copy). */
    public double[] std() {
        return std.clone();
    }

    /** Shared read-only view for the forward passes of this package. */
    double[] meanView() {
        return mean;
    }

    /** Shared read-only view of 1/std (multiplying is cheaper than dividing in the hot loop). */
    double[] inverseStdView() {
        return inverseStd;
    }
}
