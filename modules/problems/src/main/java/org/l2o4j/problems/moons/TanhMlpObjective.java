package org.l2o4j.problems.moons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.config.Checks;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.Logistic;
import org.l2o4j.problems.RowMajor;

/**
 * The full-batch loss of a binary classifier MLP on a fixed data set (renn {@code tasks.py}, papers.md §3.1):
 * f(θ) = (1/n) Σ_i [softplus(s_i) − y_i s_i] + μ‖θ‖₂, where s_i is the single output logit of the network
 * m → h_1 → … → h_L → 1 with tanh after every hidden layer and none after the output, and ‖θ‖₂ the plain (not
 * squared) Euclidean norm of all parameters, biases included, as renn's {@code l2_pen * utils.norm(x)}. Its
 * gradient is μθ/‖θ‖₂, undefined only at θ = 0, where the zero subgradient is used.
 *
 * <p>Parameter layout, layer after layer: the weights of layer l as a w_l×w_{l+1} row-major matrix (input-major:
 * W_l[k][o], connecting input k to output o, sits at k·w_{l+1} + o), then its w_{l+1} biases. This is the
 * flattened order of stax {@code Dense} layers (y = x·W + b), and it lets the forward and weight-gradient loops run
 * over contiguous rows.
 *
 * <p>Thread-safe and allocation-free per call: activations and deltas (n × width each) live in per-thread buffers
 * that this object owns, so problems sharing it share those buffers.
 */
public final class TanhMlpObjective {

    private final int points;
    private final int[] widths;
    private final int[] weightOffsets;
    private final int dimension;
    private final double[] inputs;
    private final double[] labels;
    private final double normPenalty;
    private final ThreadLocal<Buffers> buffers;

    /**
     * @param featureRows  n rows of m inputs
     * @param labels       n labels, each 0 or 1
     * @param hiddenWidths widths of the tanh layers, possibly none (then the model is logistic regression)
     * @param normPenalty  μ ≥ 0
     */
    public TanhMlpObjective(double[][] featureRows, int[] labels, List<Integer> hiddenWidths, double normPenalty) {
        if (featureRows.length == 0) {
            throw new IllegalArgumentException("a classifier needs at least one data point");
        }
        this.points = featureRows.length;
        int m = featureRows[0].length;
        this.inputs = RowMajor.flatten("features", featureRows, m);
        int[] binary = DataChecks.binaryLabels("labels", labels, points);
        this.labels = new double[points];
        for (int i = 0; i < points; i++) {
            this.labels[i] = binary[i];
        }
        this.normPenalty = Checks.nonNegative("normPenalty", normPenalty);
        this.widths = new int[hiddenWidths.size() + 2];
        widths[0] = m;
        for (int l = 0; l < hiddenWidths.size(); l++) {
            widths[l + 1] = Checks.positive("hiddenWidths[" + l + "]", hiddenWidths.get(l));
        }
        widths[widths.length - 1] = 1;
        this.weightOffsets = new int[layers()];
        int offset = 0;
        for (int l = 0; l < layers(); l++) {
            weightOffsets[l] = offset;
            offset += (widths[l] + 1) * widths[l + 1];
        }
        this.dimension = offset;
        this.buffers = ThreadLocal.withInitial(() -> new Buffers(points, widths));
    }

    /** Number of parameters. */
    public int dimension() {
        return dimension;
    }

    /** Widths from the input to the output, e.g. [2, 64, 64, 64, 1]. */
    public int[] layerWidths() {
        return widths.clone();
    }

    /** The inputs as fresh rows, for export. */
    public double[][] features() {
        return RowMajor.rows(inputs, widths[0]);
    }

    /** The labels, for export. */
    public int[] labels() {
        int[] out = new int[points];
        for (int i = 0; i < points; i++) {
            out[i] = (int) labels[i];
        }
        return out;
    }

    /** μ of the norm penalty. */
    public double normPenalty() {
        return normPenalty;
    }

    /** The layout, in words, for export. */
    public String parameterLayout() {
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            parts.add("W" + l + "[" + widths[l] + "x" + widths[l + 1] + " row-major, input-major], b" + l + "["
                    + widths[l + 1] + "]");
        }
        return String.join(", ", parts);
    }

    /**
     * Writes initial parameters into {@code out}: weights of layer l i.i.d. N(0, scale²/w_l) (LeCun-normal: variance
     * 1/fan-in keeps tanh units out of saturation), drawn layer by layer in layout order, biases 0.
     */
    public void initialize(RandomGenerator rng, double scale, double[] out) {
        Arrays.fill(out, 0, dimension, 0.0);
        for (int l = 0; l < layers(); l++) {
            double std = scale / Math.sqrt(widths[l]);
            int count = widths[l] * widths[l + 1];
            for (int p = 0; p < count; p++) {
                out[weightOffsets[l] + p] = std * rng.nextGaussian();
            }
        }
    }

    /** f(θ) for the parameters at {@code x[offset ..]}. */
    public double value(double[] x, int offset) {
        Buffers b = buffers.get();
        forward(x, offset, b);
        return dataLoss(b.logits) + normPenalty * norm(x, offset);
    }

    /** f(θ), writing ∇f(θ) at {@code gradient[gradientOffset ..]}. */
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        Buffers b = buffers.get();
        forward(x, xOffset, b);
        double loss = dataLoss(b.logits);
        Arrays.fill(gradient, gradientOffset, gradientOffset + dimension, 0.0);
        double[] delta = b.delta;
        for (int i = 0; i < points; i++) {
            delta[i] = (Logistic.sigmoid(b.logits[i]) - labels[i]) / points;
        }
        for (int l = layers() - 1; l >= 0; l--) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] below = l == 0 ? inputs : b.activations[l - 1];
            int w = xOffset + weightOffsets[l];
            int gw = gradientOffset + weightOffsets[l];
            int gb = gw + in * out;
            for (int i = 0; i < points; i++) {
                int dRow = i * out;
                int aRow = i * in;
                for (int k = 0; k < in; k++) {
                    double a = below[aRow + k];
                    int g = gw + k * out;
                    for (int o = 0; o < out; o++) {
                        gradient[g + o] += a * delta[dRow + o];
                    }
                }
                for (int o = 0; o < out; o++) {
                    gradient[gb + o] += delta[dRow + o];
                }
            }
            if (l > 0) {
                double[] wt = b.transposed;
                for (int k = 0; k < in; k++) {
                    for (int o = 0; o < out; o++) {
                        wt[o * in + k] = x[w + k * out + o];
                    }
                }
                double[] next = b.deltaBelow;
                for (int i = 0; i < points; i++) {
                    int dRow = i * out;
                    int aRow = i * in;
                    Arrays.fill(next, aRow, aRow + in, 0.0);
                    for (int o = 0; o < out; o++) {
                        double d = delta[dRow + o];
                        int wtRow = o * in;
                        for (int k = 0; k < in; k++) {
                            next[aRow + k] += d * wt[wtRow + k];
                        }
                    }
                    for (int k = 0; k < in; k++) {
                        double a = below[aRow + k];
                        next[aRow + k] *= 1 - a * a;
                    }
                }
                b.deltaBelow = delta;
                b.delta = next;
                delta = next;
            }
        }
        double norm = norm(x, xOffset);
        if (norm > 0) {
            double scale = normPenalty / norm;
            for (int p = 0; p < dimension; p++) {
                gradient[gradientOffset + p] += scale * x[xOffset + p];
            }
        }
        return loss + normPenalty * norm;
    }

    private int layers() {
        return widths.length - 1;
    }

    /** Fills the hidden activations and the output logits of every point. */
    private void forward(double[] x, int offset, Buffers b) {
        for (int l = 0; l < layers(); l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] below = l == 0 ? inputs : b.activations[l - 1];
            double[] above = l == layers() - 1 ? b.logits : b.activations[l];
            int w = offset + weightOffsets[l];
            int bias = w + in * out;
            for (int i = 0; i < points; i++) {
                int zRow = i * out;
                System.arraycopy(x, bias, above, zRow, out);
                int aRow = i * in;
                for (int k = 0; k < in; k++) {
                    double a = below[aRow + k];
                    int wRow = w + k * out;
                    for (int o = 0; o < out; o++) {
                        above[zRow + o] += a * x[wRow + o];
                    }
                }
            }
            if (above != b.logits) {
                for (int p = 0; p < points * out; p++) {
                    above[p] = tanh(above[p]);
                }
            }
        }
    }

    /**
     * tanh(z) = sign(z)·(1 − e)/(1 + e), e = exp(−2|z|): one intrinsic {@code Math.exp} instead of {@code Math.tanh},
     * which the JIT does not intrinsify and which took half of the forward pass. The absolute error stays near 1e-16.
     */
    static double tanh(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        return Math.copySign((1 - e) / (1 + e), z);
    }

    private double dataLoss(double[] logits) {
        double loss = 0;
        for (int i = 0; i < points; i++) {
            loss += Logistic.softplus(logits[i]) - labels[i] * logits[i];
        }
        return loss / points;
    }

    private double norm(double[] x, int offset) {
        double sq = 0;
        for (int p = 0; p < dimension; p++) {
            sq += x[offset + p] * x[offset + p];
        }
        return Math.sqrt(sq);
    }

    /**
     * One thread's working arrays: hidden activations per layer, logits, two n × max-width delta buffers, and room for
     * one transposed weight matrix, so the backward pass into a layer's inputs runs over contiguous rows.
     */
    private static final class Buffers {
        final double[][] activations;
        final double[] logits;
        final double[] transposed;
        double[] delta;
        double[] deltaBelow;

        Buffers(int points, int[] widths) {
            activations = new double[widths.length - 2][];
            int maxWidth = 1;
            int maxMatrix = 0;
            for (int l = 1; l < widths.length - 1; l++) {
                activations[l - 1] = new double[points * widths[l]];
                maxWidth = Math.max(maxWidth, widths[l]);
                maxMatrix = Math.max(maxMatrix, widths[l] * widths[l + 1]);
            }
            logits = new double[points];
            transposed = new double[maxMatrix];
            delta = new double[points * maxWidth];
            deltaBelow = new double[points * maxWidth];
        }
    }
}
