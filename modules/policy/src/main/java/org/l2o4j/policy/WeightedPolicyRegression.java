package org.l2o4j.policy;

import java.util.Arrays;

import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.gradient.MetaAdam;

/**
 * The S-step of guided policy search (gps.md §4.10): fit the policy mean to the local controllers' mean actions,
 * each sample weighted by its controller's precision, then set the policy's diagonal variance by the covariance rule.
 *
 * <p>One call of {@link #fit}:
 * <ol>
 *   <li><b>Weights</b> w (one per row) are normalized as in the reference: w ← w·(rows/Σw); m̃ = median of the
 *       w &gt; 0.01; w ← min(w, 2m̃)/m̃ ({@link #normalizeWeights}). Row b's loss weight is W_b = w_b·P*_b.</li>
 *   <li><b>Inputs</b> are standardized with statistics computed at the first call whose policy has no fitted
 *       normalization, and kept in the policy from then on ({@link InputNormalization}).</li>
 *   <li><b>Adam</b> (Kingma &amp; Ba 2015, Algorithm 1: ε added to the bias-corrected √v̂; the reference's
 *       TensorFlow Adam adds it to the uncorrected √v, which differs only while ε matters) minimizes
 *       {@link PrecisionWeightedLoss} for {@link PolicyRegressionConfig#iterationsPerFit()} steps. The rows are
 *       shuffled once per call with a seed derived from the config seed and the call index, then cut into
 *       ⌊rows/batch⌋ minibatches that are cycled; as in the reference, the remainder rows of the shuffled order sit
 *       out that call. With fewer rows than a batch, each step uses all rows. The moments m, v and the step count t
 *       persist across calls, like the network weights.</li>
 *   <li><b>Covariance rule</b>: σ²_j = Σ_b w_b / Σ_b (w_b P*_b)_jj ({@link #diagonalVariance}), the diagonal of the
 *       minimizer of Σ w·KL(π ‖ p_b) over state-independent covariances.</li>
 * </ol>
 *
 * <p><b>Configuration and state:</b> the {@link PolicyRegressionConfig} is configuration; the policy (trained in
 * place), the Adam moments, the Adam step count and the number of calls made are state. Not thread-safe; the S-step
 * runs on one thread so that it is reproducible (gps.md §7).
 */
public final class WeightedPolicyRegression {

    /** Weights at or below this do not enter the median (gps.md §4.10). */
    public static final double MEDIAN_WEIGHT_THRESHOLD = 0.01;

    /** Normalized weights are clipped at this multiple of the median (gps.md §4.10). */
    public static final double WEIGHT_CLIP_MEDIANS = 2.0;

    private final GaussianMlpPolicy policy;
    private final PolicyRegressionConfig config;
    private final PrecisionWeightedLoss loss;
    private final MetaAdam adam;
    private final double[] gradient;
    private final double[] step;
    private long fitCalls;

    /** A regression that trains {@code policy} in place. */
    public WeightedPolicyRegression(GaussianMlpPolicy policy, PolicyRegressionConfig config) {
        this.policy = policy;
        this.config = config;
        this.loss = new PrecisionWeightedLoss(policy.architecture());
        int n = policy.architecture().parameterCount();
        this.adam = new MetaAdam(n, config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
        this.gradient = new double[n];
        this.step = new double[n];
    }

    /** The policy being trained. */
    public GaussianMlpPolicy policy() {
        return policy;
    }

    /** The settings. */
    public PolicyRegressionConfig config() {
        return config;
    }

    /** Adam steps taken so far, over all calls (Adam's t). */
    public long adamSteps() {
        return adam.steps();
    }

    /**
     * What the regression carries from one {@link #fit} to the next, so that a resumed training continues exactly:
     * Adam's moments and step count, and the number of fits (which seeds each fit's shuffle).
     *
     * @param firstMoment  Adam's m, one entry per parameter
     * @param secondMoment Adam's v, one entry per parameter
     * @param adamSteps    Adam's t
     * @param fitCalls     fits done so far
     */
    public record State(double[] firstMoment, double[] secondMoment, long adamSteps, long fitCalls) {
        public State {
            firstMoment = firstMoment.clone();
            secondMoment = secondMoment.clone();
        }

        @Override
        public double[] firstMoment() {
            return firstMoment.clone();
        }

        @Override
        public double[] secondMoment() {
            return secondMoment.clone();
        }
    }

    /** A copy of the state carried between fits. */
    public State state() {
        return new State(adam.firstMoment(), adam.secondMoment(), adam.steps(), fitCalls);
    }

    /**
     * Continues from a saved state.
     *
     * @throws IllegalArgumentException if the moments do not match the policy's parameter count or the counts are
     *                                  negative
     */
    public void restore(State state) {
        int n = step.length;
        if (state.firstMoment.length != n || state.secondMoment.length != n) {
            throw new IllegalArgumentException("dimension mismatch: the regression state has "
                    + state.firstMoment.length + " and " + state.secondMoment.length + " moments but the policy has "
                    + n + " parameters");
        }
        if (state.adamSteps < 0 || state.fitCalls < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got adamSteps=" + state.adamSteps
                    + ", fitCalls=" + state.fitCalls);
        }
        adam.restore(state.adamSteps, state.firstMoment, state.secondMoment);
        fitCalls = state.fitCalls;
    }

    /**
     * What one call of {@link #fit} did.
     *
     * @param minibatchLosses the loss of each minibatch before its Adam step, in order
     * @param variance        σ² per output set by the covariance rule
     * @param normalizedWeights the sample weights after normalization, one per row
     */
    public record FitReport(double[] minibatchLosses, double[] variance, double[] normalizedWeights) {
    }

    /**
     * One S-step on {@code rows} samples (gps.md §4.10).
     *
     * @param observations      rows × input, row-major
     * @param targetMeans       rows × output: μ*, the local controllers' mean actions
     * @param targetPrecisions  rows × output × output: P* = Σ⁻¹ of the local controllers, symmetric positive definite
     * @param sampleWeights     one non-negative weight per row (constant in MDGPS, ν_t in BADMM)
     * @param rows              number of samples, at least 1
     */
    public FitReport fit(double[] observations, double[] targetMeans, double[] targetPrecisions,
            double[] sampleWeights, int rows) {
        int in = policy.inputDimension();
        int out = policy.outputDimension();
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        requireLength("observations", observations, (long) rows * in);
        requireLength("targetMeans", targetMeans, (long) rows * out);
        requireLength("targetPrecisions", targetPrecisions, (long) rows * out * out);
        requireLength("sampleWeights", sampleWeights, rows);
        requireFinite("observations", observations, rows * in);
        requireFinite("targetMeans", targetMeans, rows * out);
        requireFinite("targetPrecisions", targetPrecisions, rows * out * out);

        double[] w = normalizeWeights(Arrays.copyOf(sampleWeights, rows));
        if (!policy.normalization().fitted()) {
            policy.setNormalization(InputNormalization.fit(observations, rows, in));
        }
        int batch = Math.min(config.batchSize(), rows);
        int batchesPerPass = rows / batch;
        int[] order = Seeds.permutation(rows, Seeds.derive(config.seed(), "policy-regression-shuffle", fitCalls));
        double[] batchObservations = new double[batch * in];
        double[] batchTargets = new double[batch * out];
        double[] batchWeights = new double[batch * out * out];
        double[] losses = new double[config.iterationsPerFit()];
        for (int it = 0; it < losses.length; it++) {
            int first = (it % batchesPerPass) * batch;
            for (int b = 0; b < batch; b++) {
                int r = order[first + b];
                System.arraycopy(observations, r * in, batchObservations, b * in, in);
                System.arraycopy(targetMeans, r * out, batchTargets, b * out, out);
                int p0 = r * out * out;
                for (int k = 0; k < out * out; k++) {
                    batchWeights[b * out * out + k] = w[r] * targetPrecisions[p0 + k];
                }
            }
            losses[it] = loss.valueAndGradient(policy, batchObservations, batchTargets, batchWeights, batch,
                    config.l2Weight(), gradient);
            adamStep();
        }
        double[] variance = diagonalVariance(w, targetPrecisions, rows, out);
        policy.setVariance(variance);
        fitCalls++;
        return new FitReport(losses, variance, w);
    }

    /** θ ← θ − lr·m̂/(√v̂ + ε) by the project's one {@link MetaAdam}, on the policy's parameters. */
    private void adamStep() {
        adam.stepInto(gradient, step);
        policy.subtractFromParameters(step);
    }

    /**
     * The reference's weight normalization (gps.md §4.10), in place and returned: w ← w·(n/Σw); m̃ = median of the
     * entries above {@link #MEDIAN_WEIGHT_THRESHOLD} (the mean of the two middle ones for an even count);
     * w ← min(w, 2m̃)/m̃.
     *
     * @throws IllegalArgumentException for a negative or non-finite weight, or when no weight is above the
     *         threshold after rescaling
     */
    public static double[] normalizeWeights(double[] w) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("sample weight " + i + " = " + w[i]
                        + " must be non-negative and finite");
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the sample weights sum to " + sum + "; at least one must be positive");
        }
        double rescale = w.length / sum;
        for (int i = 0; i < w.length; i++) {
            w[i] *= rescale;
        }
        double median = medianAbove(w, MEDIAN_WEIGHT_THRESHOLD);
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.min(w[i], WEIGHT_CLIP_MEDIANS * median) / median;
        }
        return w;
    }

    private static double medianAbove(double[] w, double threshold) {
        double[] kept = Arrays.stream(w).filter(x -> x > threshold).sorted().toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("no sample weight exceeds " + threshold
                    + " after rescaling to mean 1, so the median is undefined");
        }
        int mid = kept.length / 2;
        return kept.length % 2 == 1 ? kept[mid] : 0.5 * (kept[mid - 1] + kept[mid]);
    }

    /**
     * The covariance rule (gps.md §4.10): σ²_j = Σ_b w_b / Σ_b w_b (P*_b)_jj, the diagonal the reference keeps of
     * (weighted mean of P*)⁻¹.
     *
     * @param weights     one (normalized) weight per row
     * @param precisions  rows × output × output
     */
    public static double[] diagonalVariance(double[] weights, double[] precisions, int rows, int outputDimension) {
        double weightSum = 0;
        double[] weightedDiagonal = new double[outputDimension];
        for (int r = 0; r < rows; r++) {
            weightSum += weights[r];
            int p0 = r * outputDimension * outputDimension;
            for (int j = 0; j < outputDimension; j++) {
                weightedDiagonal[j] += weights[r] * precisions[p0 + j * outputDimension + j];
            }
        }
        double[] variance = new double[outputDimension];
        for (int j = 0; j < outputDimension; j++) {
            if (!(weightedDiagonal[j] > 0)) {
                throw new IllegalArgumentException("the weighted precision diagonal " + j + " sums to "
                        + weightedDiagonal[j] + "; precisions must be positive definite");
            }
            variance[j] = weightSum / weightedDiagonal[j];
        }
        return variance;
    }

    private static void requireLength(String name, double[] values, long needed) {
        if (values.length < needed) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, fewer than the "
                    + needed + " that the rows need");
        }
    }

    private static void requireFinite(String name, double[] values, int n) {
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + values[k] + " is not finite");
            }
        }
    }
}
