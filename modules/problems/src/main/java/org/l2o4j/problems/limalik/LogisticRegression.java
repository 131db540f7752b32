package org.l2o4j.problems.limalik;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.Logistic;
import org.l2o4j.problems.LogisticKernel;
import org.l2o4j.problems.ProblemSeeds;

/**
 * Regularized logistic regression on one data set (Li &amp; Malik 2017 §6):
 * f(w, b) = (1/n) Σ_i [softplus(z_i) − y_i z_i] + (λ/2)‖w‖², z_i = wᵀa_i + b, y_i ∈ {0, 1},
 * which is the mean binary cross-entropy of σ(z_i). The bias is not regularized.
 *
 * <p>Parameter layout: x = (w_0 … w_{m−1}, b), d = m + 1. Restart k starts from N(0, σ² I_d) on the stream of
 * {@link ProblemSeeds#restart}. Immutable, so safe to share between threads.
 */
public final class LogisticRegression implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "logistic-regression";

    private final LinearDesign design;
    private final int[] labels;
    /** The data term on the Vector API, or the scalar loops of {@link ScalarDataTerm} (see {@link LogisticKernel}). */
    private final LogisticKernel dataTerm;
    private final double l2;
    private final long seed;
    private final double initScale;

    /**
     * @param featureRows n rows of m features
     * @param labels      n labels, each 0 or 1
     * @param l2          λ ≥ 0
     * @param seed        the problem's seed, from which its initial points are drawn
     * @param initScale   σ of the initial points
     */
    public LogisticRegression(double[][] featureRows, int[] labels, double l2, long seed, double initScale) {
        this(featureRows, labels, l2, seed, initScale, true);
    }

    /** As the public constructor; {@code vectorIfAvailable = false} keeps the scalar loops (tests compare the two). */
    LogisticRegression(double[][] featureRows, int[] labels, double l2, long seed, double initScale,
            boolean vectorIfAvailable) {
        this.design = new LinearDesign(featureRows);
        this.labels = DataChecks.binaryLabels("labels", labels, design.points);
        this.l2 = Checks.nonNegative("l2", l2);
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
        this.dataTerm = (vectorIfAvailable
                ? LogisticKernel.vectorized(design.rowMajorView(), design.features, this.labels)
                : Optional.<LogisticKernel>empty()).orElseGet(ScalarDataTerm::new);
    }

    /** Softplus is convex and z_i is affine in (w, b); the L2 term is convex for λ ≥ 0. */
    @Override
    public boolean convex() {
        return true;
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return design.features + 1;
    }

    @Override
    public double value(double[] x, int offset) {
        return dataTerm.meanLoss(x, offset) + design.weightPenalty(x, offset, l2);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        double loss = dataTerm.meanLossAndGradient(x, xOffset, gradient, gradientOffset);
        for (int j = 0; j < design.features; j++) {
            gradient[gradientOffset + j] += l2 * x[xOffset + j];
        }
        return loss + design.weightPenalty(x, xOffset, l2);
    }

    /** ∇²f = (1/n) Σ σ(z_i)(1 − σ(z_i)) ã_i ã_iᵀ + λ on the weight diagonal, ã_i = (a_i, 1). */
    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        int d = dimension();
        Arrays.fill(hessian, 0, d * d, 0.0);
        for (int i = 0; i < design.points; i++) {
            double s = Logistic.sigmoid(design.predict(x, offset, i));
            design.addCurvature(hessian, i, s * (1 - s) / design.points);
        }
        design.mirror(hessian);
        for (int j = 0; j < design.features; j++) {
            hessian[j * d + j] += l2;
        }
    }

    /** The data term in plain loops over the row-major design, for JVMs without the Vector API. */
    private final class ScalarDataTerm implements LogisticKernel {

        @Override
        public double meanLoss(double[] x, int offset) {
            double loss = 0;
            for (int i = 0; i < design.points; i++) {
                double z = design.predict(x, offset, i);
                loss += Logistic.softplus(z) - labels[i] * z;
            }
            return loss / design.points;
        }

        @Override
        public double meanLossAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
            int n = design.points;
            Arrays.fill(gradient, gradientOffset, gradientOffset + design.features + 1, 0.0);
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double z = design.predict(x, xOffset, i);
                double e = Math.exp(-Math.abs(z));
                loss += Logistic.softplus(z, e) - labels[i] * z;
                design.addGradient(gradient, gradientOffset, i, (Logistic.sigmoid(z, e) - labels[i]) / n);
            }
            return loss / n;
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
        m.put("definition", "(1/n) sum_i [log(1 + exp(z_i)) - y_i z_i] + (l2/2) |w|^2, z_i = w.a_i + b");
        m.put("parameterLayout", "w[0.." + design.features + "), b");
        m.put("features", design.rows());
        m.put("labels", labels.clone());
        m.put("l2", l2);
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
