package org.l2o4j.policy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.l2o4j.core.vector.VectorMath;

/**
 * {@link GaussianMlpPolicy#mean}'s forward pass for hidden-layer policies on JDK 17's incubator Vector API: the only
 * class of this package that names {@code jdk.incubator.vector} types, so it is loaded only where
 * {@link VectorSupport#ENABLED} says the module is present (docs/performance.md).
 *
 * <p>Why it is faster than the scalar loops: the first layer runs four observation rows at a time with the
 * pre-activations of two vectors of hidden units per row held in registers across all inputs (eight accumulators),
 * so each weight vector is loaded once per four rows and no accumulator goes through memory; the softplus runs on
 * whole vectors ({@link VectorMath}), several times faster per element than {@code Math.exp} and {@code Math.log}.
 *
 * <p>Results: the normalization is rounded exactly as in {@link GaussianMlpPolicy#forwardRow}, and the
 * pre-activations sum the same terms in the same order (bias first, then the inputs one by one) but with fused
 * multiply-adds; the activation differs from the scalar one by a few ulps ({@link VectorMath} against
 * {@code Math.exp} and Goldberg's {@code log1p}), and the output layer sums in another order. The means agree with
 * the scalar path's to about 1e-15 of their magnitude. Every operation is exactly rounded IEEE arithmetic, so the
 * result does not depend on whether C2 has compiled this class yet.
 *
 * <p>The packed weights are rewritten by {@link #load} whenever the policy's parameters change; {@link #mean} only
 * reads them and allocates its scratch per call, so concurrent queries are safe while nothing trains.
 */
final class VectorMlpForward {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Observation rows per pass over the first-layer weights. */
    private static final int ROWS = 4;

    private final int in;
    private final int hidden;
    private final int out;
    /** The hidden width rounded up to whole vectors; the padding units have zero weights and bias. */
    private final int paddedHidden;
    private final boolean softplus;
    /** W1 input-major, row i at i·paddedHidden, zero-padded. */
    private final double[] firstWeights;
    private final double[] firstBias;
    /** W2 transposed: output k's weights over the hidden units at k·paddedHidden, zero-padded. */
    private final double[] outputWeights;
    private final double[] outputBias;

    /**
     * Whether this path pays on this machine: x86 (where it was measured) with vectors of at least four doubles
     * (AVX2 or AVX-512); with two-lane vectors the scalar loops, which C2 vectorizes itself, are as fast.
     */
    static boolean worthwhile() {
        String arch = System.getProperty("os.arch", "");
        return LANES >= 4 && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    VectorMlpForward(MlpArchitecture architecture) {
        if (architecture.isLinear()) {
            throw new IllegalArgumentException("the vector forward pass is for hidden-layer policies, not " + architecture);
        }
        this.in = architecture.inputDimension();
        this.hidden = architecture.hiddenUnits();
        this.out = architecture.outputDimension();
        this.paddedHidden = (hidden + LANES - 1) / LANES * LANES;
        this.softplus = architecture.activation() == HiddenActivation.SOFTPLUS;
        this.firstWeights = new double[in * paddedHidden];
        this.firstBias = new double[paddedHidden];
        this.outputWeights = new double[out * paddedHidden];
        this.outputBias = new double[out];
    }

    /** Packs θ (in the layout of {@link MlpArchitecture}) into the padded arrays. */
    void load(MlpArchitecture architecture, double[] theta) {
        for (int i = 0; i < in; i++) {
            System.arraycopy(theta, architecture.firstWeightsOffset() + i * hidden, firstWeights, i * paddedHidden,
                    hidden);
        }
        System.arraycopy(theta, architecture.firstBiasOffset(), firstBias, 0, hidden);
        int w2 = architecture.outputWeightsOffset();
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < out; k++) {
                outputWeights[k * paddedHidden + j] = theta[w2 + j * out + k];
            }
        }
        System.arraycopy(theta, architecture.outputBiasOffset(), outputBias, 0, out);
    }

    /**
     * μ for {@code count} rows of {@code observations} into {@code means}, as {@link Policy#mean}: four rows at a
     * time, then the last one to three one by one. Every lane sees the same operations in the same order either
     * way, so a row's mean does not depend on the batch it came in.
     */
    void mean(double[] observations, int count, double[] shift, double[] scale, double[] means) {
        double[] normalized = new double[ROWS * in];
        double[] activations = new double[ROWS * paddedHidden];
        double[] lanes = new double[LANES];
        int r = 0;
        for (; r + ROWS <= count; r += ROWS) {
            for (int q = 0; q < ROWS; q++) {
                normalize(observations, (r + q) * in, shift, scale, normalized, q * in);
            }
            fourRowFirstLayer(normalized, activations);
            for (int q = 0; q < ROWS; q++) {
                outputLayer(activations, q * paddedHidden, means, (r + q) * out, lanes);
            }
        }
        for (; r < count; r++) {
            normalize(observations, r * in, shift, scale, normalized, 0);
            oneRowFirstLayer(normalized, activations);
            outputLayer(activations, 0, means, r * out, lanes);
        }
    }

    /** ô = (o − mean)·(1/std), the same two roundings as the scalar path. */
    private void normalize(double[] observations, int from, double[] shift, double[] scale, double[] normalized,
            int to) {
        int i = 0;
        for (int bound = SPECIES.loopBound(in); i < bound; i += LANES) {
            DoubleVector o = DoubleVector.fromArray(SPECIES, observations, from + i);
            o.sub(DoubleVector.fromArray(SPECIES, shift, i)).mul(DoubleVector.fromArray(SPECIES, scale, i))
                    .intoArray(normalized, to + i);
        }
        for (; i < in; i++) {
            normalized[to + i] = (observations[from + i] - shift[i]) * scale[i];
        }
    }

    /**
     * The activations of the four rows of {@code normalized} into {@code activations} (row q at q·paddedHidden).
     * Each tile is its own small method, and the activation a separate pass over the stored pre-activations: in one
     * large method C2 stopped inlining the vector operations (NodeCountInliningCutoff) and boxed every vector
     * that crossed a call, allocating about 800 bytes per row and running twice as slow.
     */
    private void fourRowFirstLayer(double[] normalized, double[] activations) {
        int j = 0;
        for (; j + 2 * LANES <= paddedHidden; j += 2 * LANES) {
            twoVectorTile(normalized, activations, j);
        }
        if (j < paddedHidden) {
            oneVectorTile(normalized, activations, j);
        }
        activateInPlace(activations, ROWS * paddedHidden);
    }

    /** {@link #fourRowFirstLayer} for the single row at the start of {@code normalized}, into the first row. */
    private void oneRowFirstLayer(double[] normalized, double[] activations) {
        for (int j = 0; j < paddedHidden; j += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, firstBias, j);
            for (int i = 0, w = j; i < in; i++, w += paddedHidden) {
                DoubleVector x = DoubleVector.broadcast(SPECIES, normalized[i]);
                a = DoubleVector.fromArray(SPECIES, firstWeights, w).fma(x, a);
            }
            a.intoArray(activations, j);
        }
        activateInPlace(activations, paddedHidden);
    }

    private void activateInPlace(double[] values, int length) {
        for (int k = 0; k < length; k += LANES) {
            activate(DoubleVector.fromArray(SPECIES, values, k)).intoArray(values, k);
        }
    }

    /** Pre-activations of hidden units [j, j + 2·LANES) for the four rows, in eight registers across all inputs. */
    private void twoVectorTile(double[] normalized, double[] preActivations, int j) {
        DoubleVector bias0 = DoubleVector.fromArray(SPECIES, firstBias, j);
        DoubleVector bias1 = DoubleVector.fromArray(SPECIES, firstBias, j + LANES);
        DoubleVector a00 = bias0;
        DoubleVector a01 = bias1;
        DoubleVector a10 = bias0;
        DoubleVector a11 = bias1;
        DoubleVector a20 = bias0;
        DoubleVector a21 = bias1;
        DoubleVector a30 = bias0;
        DoubleVector a31 = bias1;
        for (int i = 0, w = j; i < in; i++, w += paddedHidden) {
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, firstWeights, w);
            DoubleVector w1 = DoubleVector.fromArray(SPECIES, firstWeights, w + LANES);
            DoubleVector b0 = DoubleVector.broadcast(SPECIES, normalized[i]);
            DoubleVector b1 = DoubleVector.broadcast(SPECIES, normalized[in + i]);
            DoubleVector b2 = DoubleVector.broadcast(SPECIES, normalized[2 * in + i]);
            DoubleVector b3 = DoubleVector.broadcast(SPECIES, normalized[3 * in + i]);
            // Fused multiply-add: measured 1.3× faster on the whole forward pass than multiply-then-add, which
            // would round exactly as the scalar path; fma rounds once per term instead of twice.
            a00 = w0.fma(b0, a00);
            a01 = w1.fma(b0, a01);
            a10 = w0.fma(b1, a10);
            a11 = w1.fma(b1, a11);
            a20 = w0.fma(b2, a20);
            a21 = w1.fma(b2, a21);
            a30 = w0.fma(b3, a30);
            a31 = w1.fma(b3, a31);
        }
        a00.intoArray(preActivations, j);
        a01.intoArray(preActivations, j + LANES);
        a10.intoArray(preActivations, paddedHidden + j);
        a11.intoArray(preActivations, paddedHidden + j + LANES);
        a20.intoArray(preActivations, 2 * paddedHidden + j);
        a21.intoArray(preActivations, 2 * paddedHidden + j + LANES);
        a30.intoArray(preActivations, 3 * paddedHidden + j);
        a31.intoArray(preActivations, 3 * paddedHidden + j + LANES);
    }

    /** {@link #twoVectorTile} for the last odd vector of hidden units [j, j + LANES). */
    private void oneVectorTile(double[] normalized, double[] preActivations, int j) {
        DoubleVector bias = DoubleVector.fromArray(SPECIES, firstBias, j);
        DoubleVector a0 = bias;
        DoubleVector a1 = bias;
        DoubleVector a2 = bias;
        DoubleVector a3 = bias;
        for (int i = 0, w = j; i < in; i++, w += paddedHidden) {
            DoubleVector w0 = DoubleVector.fromArray(SPECIES, firstWeights, w);
            a0 = w0.fma(DoubleVector.broadcast(SPECIES, normalized[i]), a0);
            a1 = w0.fma(DoubleVector.broadcast(SPECIES, normalized[in + i]), a1);
            a2 = w0.fma(DoubleVector.broadcast(SPECIES, normalized[2 * in + i]), a2);
            a3 = w0.fma(DoubleVector.broadcast(SPECIES, normalized[3 * in + i]), a3);
        }
        a0.intoArray(preActivations, j);
        a1.intoArray(preActivations, paddedHidden + j);
        a2.intoArray(preActivations, 2 * paddedHidden + j);
        a3.intoArray(preActivations, 3 * paddedHidden + j);
    }

    /** softplus (see {@link VectorMath#softplus}) or max(z, 0). */
    private DoubleVector activate(DoubleVector z) {
        return softplus ? VectorMath.softplus(z) : z.max(0.0);
    }

    /**
     * μ = W2ᵀ h + b2 for one row; the padding units' weights are zero, so their activations drop out. {@code lanes}
     * is scratch for one vector.
     */
    private void outputLayer(double[] activations, int from, double[] means, int to, double[] lanes) {
        for (int k = 0; k < out; k++) {
            int w = k * paddedHidden;
            DoubleVector sum = DoubleVector.fromArray(SPECIES, activations, from)
                    .mul(DoubleVector.fromArray(SPECIES, outputWeights, w));
            for (int j = LANES; j < paddedHidden; j += LANES) {
                sum = DoubleVector.fromArray(SPECIES, activations, from + j)
                        .fma(DoubleVector.fromArray(SPECIES, outputWeights, w + j), sum);
            }
            // Lane by lane in a fixed order: reduceLanes(ADD) may add in another order once C2 compiles it.
            sum.intoArray(lanes, 0);
            double mean = outputBias[k];
            for (double lane : lanes) {
                mean += lane;
            }
            means[to + k] = mean;
        }
    }
}
