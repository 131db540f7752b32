package org.l2o4j.policy;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * Li &amp; Malik's policy (arXiv 1606.01885, §5; papers.md §1.3; gps.md §2): π(u | o) = N(μ(o), diag σ²) with
 * <pre>
 *   ô = (o − mean) / std                 input normalization, stored with the policy (gps.md §4.10)
 *   h = act(W1ᵀ ô + b1)                  one hidden layer, 50 softplus units by default
 *   μ = W2ᵀ h + b2                       linear output: the mean step
 * </pre>
 * and a state-independent diagonal σ², stored as log σ. With {@code hiddenUnits = 0} the mean is linear,
 * μ = Wᵀ ô + b. The parameter layout is documented in {@link MlpArchitecture}; the variance is not among the
 * parameters, since the regression fits the mean and the covariance rule sets σ² (gps.md §4.10).
 *
 * <p><b>Configuration and state</b> ({@link Policy}): the {@link MlpArchitecture} is configuration; the parameters θ,
 * the {@link InputNormalization} and log σ are state, changed by {@link WeightedPolicyRegression}, by the setters, or
 * by loading a {@link PolicyCheckpoint}. {@link #mean} only reads them, so concurrent queries are safe while nothing
 * trains.
 *
 * <p><b>Initialization</b> (gps.md §3): weights i.i.d. N(0, 0.01²) drawn from an explicit seed in layout order,
 * biases 0, σ² = 0.01 (Li &amp; Malik's released configuration, gps.md §6), normalization the unfitted identity.
 *
 * <p><b>Speed.</b> {@link #mean} is the hot path of learned-optimizer rollouts. Where the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the build, the benchmarks and {@code l2o} pass it; see
 * {@link VectorSupport}) a hidden-layer policy's mean goes through {@link VectorMlpForward}: four rows per pass
 * over the weights, accumulators in vector registers, softplus on whole vectors, about 1e-15 relative from the scalar
 * path. Otherwise, and always for a linear policy and for the training loss's {@link #forwardRow}: plain
 * {@code double[]} loops in axpy order over per-input weight rows, four inputs per pass, allocation limited to
 * three scratch rows per call. For large batches {@link Nd4jMlpForward} computes the same function on ND4J.
 *
 * <p><b>Serialization</b> (an engine unit carrying the policy to another JVM): the policy travels as its architecture
 * and state only and is rebuilt with {@link #of} on arrival, so the copy answers bit for bit as the original does.
 */
public final class GaussianMlpPolicy implements Policy, Serializable {

    private static final long serialVersionUID = 1L;

    /** Standard deviation of the initial weights (gps.md §3). */
    public static final double INITIAL_WEIGHT_STD = 0.01;

    /** Initial action variance σ² per output (gps.md §6, Li &amp; Malik's released configuration). */
    public static final double INITIAL_VARIANCE = 0.01;

    private final MlpArchitecture architecture;
    /** θ in the layout of {@link MlpArchitecture}: the canonical copy, which checkpoints and training see. */
    private final double[] parameters;
    /**
     * The first-layer weights again, one array per input. Java 17's C2 vectorizes y[j] += v·w[j] but not
     * y[j] += v·w[offset + j] (measured: a 1024-long axpy 2.4× slower; the 125 → 50 → 4 forward pass 3.4 instead of
     * 2.5 µs per row), so the hot loop reads these rows.
     * Every write to {@link #parameters} goes through {@link #setParameters} or {@link #subtractFromParameters},
     * which refresh them (and {@link #vectorForward}'s packed copy).
     */
    private final double[][] firstWeightRows;
    /** The vector forward pass with its own packed copy of θ, or null where {@link VectorSupport} selects scalar. */
    private final VectorMlpForward vectorForward;
    private InputNormalization normalization;
    private final double[] logStd;

    private GaussianMlpPolicy(MlpArchitecture architecture, double[] parameters, InputNormalization normalization,
            double[] logStd) {
        this.architecture = architecture;
        this.parameters = parameters;
        this.firstWeightRows = new double[architecture.inputDimension()][architecture.firstLayerWidth()];
        this.vectorForward = VectorSupport.ENABLED && !architecture.isLinear()
                ? new VectorMlpForward(architecture) : null;
        this.normalization = normalization;
        this.logStd = logStd;
        refreshWeightCopies();
    }

    private void refreshWeightCopies() {
        int width = architecture.firstLayerWidth();
        for (int i = 0; i < firstWeightRows.length; i++) {
            System.arraycopy(parameters, architecture.firstWeightsOffset() + i * width, firstWeightRows[i], 0, width);
        }
        if (vectorForward != null) {
            vectorForward.load(architecture, parameters);
        }
    }

    /** A fresh policy: weights N(0, 0.01²) from {@code seed}, biases 0, σ² = 0.01, identity normalization. */
    public static GaussianMlpPolicy initialize(MlpArchitecture architecture, long seed) {
        double[] theta = new double[architecture.parameterCount()];
        RandomGenerator rng = Seeds.rng(seed);
        fillGaussian(theta, architecture.firstWeightsOffset(), architecture.firstBiasOffset(), rng);
        if (!architecture.isLinear()) {
            fillGaussian(theta, architecture.outputWeightsOffset(), architecture.outputBiasOffset(), rng);
        }
        double[] logStd = new double[architecture.outputDimension()];
        Arrays.fill(logStd, 0.5 * Math.log(INITIAL_VARIANCE));
        return new GaussianMlpPolicy(architecture, theta,
                InputNormalization.identity(architecture.inputDimension()), logStd);
    }

    private static void fillGaussian(double[] theta, int from, int to, RandomGenerator rng) {
        for (int k = from; k < to; k++) {
            theta[k] = INITIAL_WEIGHT_STD * rng.nextGaussian();
        }
    }

    /** A policy with the given state (as loaded from a checkpoint); arrays are copied and validated. */
    public static GaussianMlpPolicy of(MlpArchitecture architecture, double[] parameters,
            InputNormalization normalization, double[] logStd) {
        GaussianMlpPolicy p = new GaussianMlpPolicy(architecture, new double[architecture.parameterCount()],
                InputNormalization.identity(architecture.inputDimension()),
                new double[architecture.outputDimension()]);
        p.setParameters(parameters);
        p.setNormalization(normalization);
        p.setLogStd(logStd);
        return p;
    }

    /** An independent copy: training one does not change the other. */
    public GaussianMlpPolicy copy() {
        return new GaussianMlpPolicy(architecture, parameters.clone(), normalization, logStd.clone());
    }

    /** The network's shape. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    @Override
    public int inputDimension() {
        return architecture.inputDimension();
    }

    @Override
    public int outputDimension() {
        return architecture.outputDimension();
    }

    /** θ in the documented layout (a copy). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** Replaces θ; the array must have {@link MlpArchitecture#parameterCount()} finite entries. */
    public void setParameters(double[] theta) {
        requireLength("parameters", theta, parameters.length);
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new IllegalArgumentException("parameters[" + k + "] = " + theta[k] + " is not finite");
            }
        }
        System.arraycopy(theta, 0, parameters, 0, parameters.length);
        refreshWeightCopies();
    }

    /**
     * θ ← θ − step, the update of a training step (package-private: {@link WeightedPolicyRegression}).
     *
     * @throws IllegalStateException if a parameter stops being finite, naming it
     */
    void subtractFromParameters(double[] step) {
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] -= step[k];
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalStateException("parameter " + k + " became " + parameters[k]
                        + "; lower the learning rate or check the targets and precisions");
            }
        }
        refreshWeightCopies();
    }

    /** The canonical θ itself, for reading inside this package (the loss's backward pass). */
    double[] parameterView() {
        return parameters;
    }

    /** The input normalization applied inside {@link #mean}. */
    public InputNormalization normalization() {
        return normalization;
    }

    /** Replaces the input normalization, whose dimension must equal the input dimension. */
    public void setNormalization(InputNormalization normalization) {
        if (normalization.dimension() != inputDimension()) {
            throw new IllegalArgumentException("normalization has dimension " + normalization.dimension()
                    + " but the policy takes " + inputDimension() + " inputs");
        }
        this.normalization = normalization;
    }

    /** log σ per output (a copy). */
    public double[] logStd() {
        return logStd.clone();
    }

    /** Replaces log σ; one finite entry per output. */
    public void setLogStd(double[] values) {
        requireLength("logStd", values, logStd.length);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("logStd[" + k + "] = " + values[k] + " is not finite");
            }
        }
        System.arraycopy(values, 0, logStd, 0, logStd.length);
    }

    /** Sets σ² per output (positive, finite), as the covariance rule of the S-step does. */
    public void setVariance(double[] variance) {
        requireLength("variance", variance, logStd.length);
        double[] values = new double[variance.length];
        for (int k = 0; k < variance.length; k++) {
            if (!(variance[k] > 0) || !Double.isFinite(variance[k])) {
                throw new IllegalArgumentException("variance[" + k + "] = " + variance[k]
                        + " must be positive and finite");
            }
            values[k] = 0.5 * Math.log(variance[k]);
        }
        setLogStd(values);
    }

    @Override
    public double[] variance() {
        double[] v = new double[logStd.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.exp(2 * logStd[k]);
        }
        return v;
    }

    @Override
    public void mean(double[] observations, int count, double[] means) {
        checkBatch(this, observations, count, means);
        if (vectorForward != null) {
            vectorForward.mean(observations, count, normalization.meanView(), normalization.inverseStdView(), means);
            return;
        }
        meanScalar(observations, count, means);
    }

    /** {@link #mean} on the scalar path whichever path {@link VectorSupport} selects (tests compare the two). */
    void meanScalar(double[] observations, int count, double[] means) {
        double[] normalized = new double[inputDimension()];
        double[] preActivation = new double[architecture.firstLayerWidth()];
        double[] hidden = new double[architecture.firstLayerWidth()];
        for (int r = 0; r < count; r++) {
            forwardRow(observations, r * inputDimension(), normalized, preActivation, hidden, means,
                    r * outputDimension());
        }
    }

    /**
     * One row of the forward pass, keeping what the backward pass needs: {@code normalized} receives ô,
     * {@code preActivation} the first layer's output before the activation (for a linear policy, μ itself) and
     * {@code hidden} the activations (unused for a linear policy); {@code means[meanOffset ..]} receives μ.
     */
    void forwardRow(double[] observations, int observationOffset, double[] normalized, double[] preActivation,
            double[] hidden, double[] means, int meanOffset) {
        int in = architecture.inputDimension();
        int out = architecture.outputDimension();
        int width = architecture.firstLayerWidth();
        double[] shift = normalization.meanView();
        double[] scale = normalization.inverseStdView();
        for (int i = 0; i < in; i++) {
            normalized[i] = (observations[observationOffset + i] - shift[i]) * scale[i];
        }
        // Bias first, then axpys over contiguous units (the loop the JIT vectorizes), four inputs per pass so that
        // the accumulator is loaded and stored a quarter as often (measured 1.5× faster at 125 → 50). Java adds left
        // to right, so the sums are rounded exactly as one input at a time.
        int firstBias = architecture.isLinear() ? architecture.outputBiasOffset() : architecture.firstBiasOffset();
        System.arraycopy(parameters, firstBias, preActivation, 0, width);
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            double v0 = normalized[i];
            double v1 = normalized[i + 1];
            double v2 = normalized[i + 2];
            double v3 = normalized[i + 3];
            double[] r0 = firstWeightRows[i];
            double[] r1 = firstWeightRows[i + 1];
            double[] r2 = firstWeightRows[i + 2];
            double[] r3 = firstWeightRows[i + 3];
            for (int j = 0; j < width; j++) {
                preActivation[j] = preActivation[j] + v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
            }
        }
        for (; i < in; i++) {
            double v = normalized[i];
            double[] row = firstWeightRows[i];
            for (int j = 0; j < width; j++) {
                preActivation[j] += v * row[j];
            }
        }
        if (architecture.isLinear()) {
            System.arraycopy(preActivation, 0, means, meanOffset, out);
            return;
        }
        architecture.activation().apply(preActivation, hidden, width);
        int w2 = architecture.outputWeightsOffset();
        System.arraycopy(parameters, architecture.outputBiasOffset(), means, meanOffset, out);
        for (int j = 0; j < width; j++) {
            double v = hidden[j];
            int w0 = w2 + j * out;
            for (int k = 0; k < out; k++) {
                means[meanOffset + k] += v * parameters[w0 + k];
            }
        }
    }

    static void checkBatch(Policy policy, double[] observations, int count, double[] means) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        if (observations.length < (long) count * policy.inputDimension()) {
            throw new IllegalArgumentException("observations has " + observations.length + " entries, fewer than "
                    + count + " rows × " + policy.inputDimension() + " inputs");
        }
        if (means.length < (long) count * policy.outputDimension()) {
            throw new IllegalArgumentException("means has " + means.length + " entries, fewer than " + count
                    + " rows × " + policy.outputDimension() + " outputs");
        }
    }

    private static void requireLength(String name, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, expected " + expected);
        }
    }

    private Object writeReplace() {
        return new SerialForm(architecture, parameters, normalization, logStd);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a policy travels as its SerialForm");
    }

    /** What the policy travels as. */
    private record SerialForm(MlpArchitecture architecture, double[] parameters, InputNormalization normalization,
            double[] logStd) implements Serializable {

        private Object readResolve() {
            return of(architecture, parameters, normalization, logStd);
        }
    }
}
