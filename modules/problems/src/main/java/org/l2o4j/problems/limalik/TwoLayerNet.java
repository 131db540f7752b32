package org.l2o4j.problems.limalik;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.Logistic;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.RowMajor;

/**
 * A two-layer ReLU classifier on one data set (Li &amp; Malik 2017 §6): a → h = ReLU(W a + b) → o = U h + c →
 * softmax over two classes, f = mean cross-entropy + (λ/2)(‖W‖_F² + ‖U‖_F²); the biases are not regularized.
 *
 * <p>Parameter layout (d = h·m + h + 2h + 2, 12 for the paper's m = h = 2):
 * {@code W} (h×m, row-major: W[j][k] at j·m + k), then {@code b} (h), then {@code U} (2×h, row-major: U[l][j] at
 * h·m + h + l·h + j), then {@code c} (2).
 *
 * <p>With two classes the cross-entropy of a point is softplus(s) − y·s with s = o_1 − o_0, which is how it is
 * evaluated (stable for any logits). The ReLU makes f piecewise smooth: the gradient and {@link #hessian} are exact
 * away from the measure-zero kinks W_j·a_i + b_j = 0, where the ReLU's derivative is taken as 0.
 *
 * <p>Thread-safe: the per-point hidden pre-activations live in a per-thread scratch array.
 */
public final class TwoLayerNet implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "two-layer-relu-net";

    private final int points;
    private final int inputs;
    private final int hidden;
    private final double[] data;
    private final int[] labels;
    private final double l2;
    private final long seed;
    private final double initScale;
    private final int biasOffset;
    private final int outputWeightOffset;
    private final int outputBiasOffset;
    private final ThreadLocal<double[]> preactivations;

    /**
     * @param featureRows n rows of m inputs
     * @param labels      n labels, each 0 or 1
     * @param hiddenUnits h ≥ 1
     * @param l2          λ ≥ 0 on W and U
     * @param seed        the problem's seed, from which its initial points are drawn
     * @param initScale   σ of x(0) ~ N(0, σ² I)
     */
    public TwoLayerNet(double[][] featureRows, int[] labels, int hiddenUnits, double l2, long seed,
            double initScale) {
        if (featureRows.length == 0) {
            throw new IllegalArgumentException("a classifier needs at least one data point");
        }
        this.points = featureRows.length;
        this.inputs = featureRows[0].length;
        this.hidden = Checks.positive("hiddenUnits", hiddenUnits);
        this.data = RowMajor.flatten("features", featureRows, inputs);
        this.labels = DataChecks.binaryLabels("labels", labels, points);
        this.l2 = Checks.nonNegative("l2", l2);
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
        this.biasOffset = hidden * inputs;
        this.outputWeightOffset = biasOffset + hidden;
        this.outputBiasOffset = outputWeightOffset + 2 * hidden;
        this.preactivations = ThreadLocal.withInitial(() -> new double[hidden]);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return outputBiasOffset + 2;
    }

    @Override
    public double value(double[] x, int offset) {
        double[] z = preactivations.get();
        double loss = 0;
        for (int i = 0; i < points; i++) {
            double s = logitDifference(x, offset, i, z);
            loss += Logistic.softplus(s) - labels[i] * s;
        }
        return loss / points + penalty(x, offset);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double[] z = preactivations.get();
        int d = dimension();
        Arrays.fill(gradient, gradientOffset, gradientOffset + d, 0.0);
        int u0 = xOffset + outputWeightOffset;
        int u1 = u0 + hidden;
        int gb = gradientOffset + biasOffset;
        int gu0 = gradientOffset + outputWeightOffset;
        int gu1 = gu0 + hidden;
        double loss = 0;
        for (int i = 0; i < points; i++) {
            double s = logitDifference(x, xOffset, i, z);
            double e = Math.exp(-Math.abs(s));
            loss += Logistic.softplus(s, e) - labels[i] * s;
            double r = (Logistic.sigmoid(s, e) - labels[i]) / points;
            int row = i * inputs;
            for (int j = 0; j < hidden; j++) {
                if (z[j] > 0) {
                    gradient[gu1 + j] += r * z[j];
                    gradient[gu0 + j] -= r * z[j];
                    double dz = r * (x[u1 + j] - x[u0 + j]);
                    int gw = gradientOffset + j * inputs;
                    for (int k = 0; k < inputs; k++) {
                        gradient[gw + k] += dz * data[row + k];
                    }
                    gradient[gb + j] += dz;
                }
            }
            gradient[gradientOffset + outputBiasOffset + 1] += r;
            gradient[gradientOffset + outputBiasOffset] -= r;
        }
        for (int p = 0; p < biasOffset; p++) {
            gradient[gradientOffset + p] += l2 * x[xOffset + p];
        }
        for (int p = outputWeightOffset; p < outputBiasOffset; p++) {
            gradient[gradientOffset + p] += l2 * x[xOffset + p];
        }
        return loss / points + penalty(x, xOffset);
    }

    /**
     * The exact Hessian away from the ReLU kinks. Per point the loss is ℓ(s) with ℓ' = σ(s) − y and ℓ'' = σ(1 − σ),
     * so its Hessian is ℓ''·∇s ∇sᵀ + ℓ'·∇²s; ∇²s is non-zero only between U_{l,j} and (W_j, b_j) of an active unit
     * j (∂²s/∂U_{1j}∂W_{jk} = a_k, with the opposite sign for U_{0j}), since the ReLU's second derivative is 0.
     */
    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        int d = dimension();
        Arrays.fill(hessian, 0, d * d, 0.0);
        double[] z = new double[hidden];
        double[] grad = new double[d];
        int u0 = offset + outputWeightOffset;
        int u1 = u0 + hidden;
        for (int i = 0; i < points; i++) {
            double s = logitDifference(x, offset, i, z);
            double sigma = Logistic.sigmoid(s);
            double curvature = sigma * (1 - sigma) / points;
            double slope = (sigma - labels[i]) / points;
            int row = i * inputs;
            Arrays.fill(grad, 0.0);
            for (int j = 0; j < hidden; j++) {
                if (z[j] > 0) {
                    double du = x[u1 + j] - x[u0 + j];
                    for (int k = 0; k < inputs; k++) {
                        grad[j * inputs + k] = du * data[row + k];
                    }
                    grad[biasOffset + j] = du;
                    grad[outputWeightOffset + j] = -z[j];
                    grad[outputWeightOffset + hidden + j] = z[j];
                }
            }
            grad[outputBiasOffset] = -1;
            grad[outputBiasOffset + 1] = 1;
            for (int r = 0; r < d; r++) {
                double gr = curvature * grad[r];
                for (int c = 0; c <= r; c++) {
                    hessian[r * d + c] += gr * grad[c];
                }
            }
            for (int j = 0; j < hidden; j++) {
                if (z[j] > 0) {
                    int rowU0 = (outputWeightOffset + j) * d;
                    int rowU1 = (outputWeightOffset + hidden + j) * d;
                    for (int k = 0; k < inputs; k++) {
                        hessian[rowU1 + j * inputs + k] += slope * data[row + k];
                        hessian[rowU0 + j * inputs + k] -= slope * data[row + k];
                    }
                    hessian[rowU1 + biasOffset + j] += slope;
                    hessian[rowU0 + biasOffset + j] -= slope;
                }
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                hessian[c * d + r] = hessian[r * d + c];
            }
        }
        for (int p = 0; p < biasOffset; p++) {
            hessian[p * d + p] += l2;
        }
        for (int p = outputWeightOffset; p < outputBiasOffset; p++) {
            hessian[p * d + p] += l2;
        }
    }

    @Override
    public double[] initialPoint(int restart) {
        return ProblemSeeds.gaussianStart(seed, restart, dimension(), initScale);
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", dimension());
        m.put("definition", "(1/n) sum_i CE(softmax(U relu(W a_i + b) + c), y_i) + (l2/2)(|W|_F^2 + |U|_F^2)");
        m.put("parameterLayout", "W[" + hidden + "x" + inputs + " row-major], b[" + hidden + "], U[2x" + hidden
                + " row-major], c[2]");
        m.put("inputDimension", inputs);
        m.put("hiddenUnits", hidden);
        m.put("features", RowMajor.rows(data, inputs));
        m.put("labels", labels.clone());
        m.put("l2", l2);
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }

    /** s = o_1 − o_0 for point i, leaving the hidden pre-activations W a_i + b in {@code z}. */
    private double logitDifference(double[] x, int offset, int i, double[] z) {
        int row = i * inputs;
        int u0 = offset + outputWeightOffset;
        int u1 = u0 + hidden;
        double s = x[offset + outputBiasOffset + 1] - x[offset + outputBiasOffset];
        for (int j = 0; j < hidden; j++) {
            double pre = x[offset + biasOffset + j];
            int w = offset + j * inputs;
            for (int k = 0; k < inputs; k++) {
                pre += x[w + k] * data[row + k];
            }
            z[j] = pre;
            if (pre > 0) {
                s += (x[u1 + j] - x[u0 + j]) * pre;
            }
        }
        return s;
    }

    private double penalty(double[] x, int offset) {
        double sq = 0;
        for (int p = 0; p < biasOffset; p++) {
            sq += x[offset + p] * x[offset + p];
        }
        for (int p = outputWeightOffset; p < outputBiasOffset; p++) {
            sq += x[offset + p] * x[offset + p];
        }
        return 0.5 * l2 * sq;
    }
}
