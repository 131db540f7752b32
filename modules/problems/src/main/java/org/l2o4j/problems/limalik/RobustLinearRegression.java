package org.l2o4j.problems.limalik;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.DataChecks;
import org.l2o4j.problems.ProblemSeeds;

/**
 * Robust linear regression with the Geman–McClure loss on one data set (Li &amp; Malik 2017 §6):
 * f(w, b) = (1/n) Σ_i ρ(r_i), ρ(r) = r² / (c² + r²), r_i = y_i − wᵀa_i − b. No regularization. ρ is bounded, so
 * outliers pull little, and f is non-convex.
 *
 * <p>Derivatives: ρ'(r) = 2c²r / (c² + r²)², ρ''(r) = 2c²(c² − 3r²) / (c² + r²)³, and ∂r/∂(w, b) = −(a, 1).
 * Parameter layout x = (w_0 … w_{m−1}, b). Restart k starts from N(0, σ² I_d) on {@link ProblemSeeds#restart}.
 * Immutable, so safe to share between threads.
 */
public final class RobustLinearRegression implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "robust-linear-regression";

    private final LinearDesign design;
    private final double[] targets;
    private final double scaleSquared;
    private final double scale;
    private final long seed;
    private final double initScale;

    /**
     * @param featureRows n rows of m features
     * @param targets     n regression targets
     * @param scale       c &gt; 0 of the Geman–McClure loss
     * @param seed        the problem's seed, from which its initial points are drawn
     * @param initScale   σ of the initial points
     */
    public RobustLinearRegression(double[][] featureRows, double[] targets, double scale, long seed,
            double initScale) {
        this.design = new LinearDesign(featureRows);
        this.targets = DataChecks.vector("targets", targets, design.points);
        this.scale = Checks.positive("scale", scale);
        this.scaleSquared = scale * scale;
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
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
        double loss = 0;
        for (int i = 0; i < design.points; i++) {
            double r = targets[i] - design.predict(x, offset, i);
            double r2 = r * r;
            loss += r2 / (scaleSquared + r2);
        }
        return loss / design.points;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        int n = design.points;
        Arrays.fill(gradient, gradientOffset, gradientOffset + dimension(), 0.0);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = targets[i] - design.predict(x, xOffset, i);
            double r2 = r * r;
            double denominator = scaleSquared + r2;
            loss += r2 / denominator;
            double slope = 2 * scaleSquared * r / (denominator * denominator);
            design.addGradient(gradient, gradientOffset, i, -slope / n);
        }
        return loss / n;
    }

    /** ∇²f = (1/n) Σ ρ''(r_i) ã_i ã_iᵀ, ã_i = (a_i, 1); indefinite where some |r_i| &gt; c/√3. */
    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        int d = dimension();
        Arrays.fill(hessian, 0, d * d, 0.0);
        for (int i = 0; i < design.points; i++) {
            double r = targets[i] - design.predict(x, offset, i);
            double r2 = r * r;
            double denominator = scaleSquared + r2;
            double curvature = 2 * scaleSquared * (scaleSquared - 3 * r2) / (denominator * denominator * denominator);
            design.addCurvature(hessian, i, curvature / design.points);
        }
        design.mirror(hessian);
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
        m.put("definition", "(1/n) sum_i r_i^2 / (scale^2 + r_i^2), r_i = y_i - w.a_i - b");
        m.put("parameterLayout", "w[0.." + design.features + "), b");
        m.put("features", design.rows());
        m.put("targets", targets.clone());
        m.put("scale", scale);
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
