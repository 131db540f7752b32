package org.l2o4j.problems.rosenbrock;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.problems.ProblemSeeds;

/**
 * f(x) = Σ_{i=0}^{n−2} [b(x_{i+1} − x_i²)² + (a − x_i)²], the chained Rosenbrock function. Its minimum 0 is at
 * (a, a²) for n = 2 and at (1, …, 1) for a = 1 and any n; for n ≥ 3 and a ∉ {0, 1} no point zeroes every term, and
 * the minimum is positive. Its Hessian is tridiagonal.
 *
 * <p>Restart k draws x_j uniformly from [lower_{j mod L}, upper_{j mod L}) (L the box's length) on
 * {@link ProblemSeeds#restart}, so a 2-d box repeats over the coordinate pairs of a longer x. Immutable, so safe to
 * share between threads.
 */
public final class Rosenbrock implements TwiceDifferentiable {

    /** The formula name written into exports. */
    public static final String FORMULA = "rosenbrock";

    private final int n;
    private final double a;
    private final double b;
    private final double[] lower;
    private final double[] upper;
    private final long seed;

    /**
     * @param dimension n ≥ 2
     * @param a         the valley's target a
     * @param b         the valley's steepness b &gt; 0
     * @param lower     lower corner of the initial-point box, repeated over the coordinates
     * @param upper     upper corner, same length, each entry above the lower one
     * @param seed      the problem's seed, from which its initial points are drawn
     */
    public Rosenbrock(int dimension, double a, double b, double[] lower, double[] upper, long seed) {
        if (dimension < 2) {
            throw new IllegalArgumentException("Rosenbrock needs dimension >= 2, got " + dimension);
        }
        this.n = dimension;
        this.a = Checks.finite("a", a);
        this.b = Checks.positive("b", b);
        if (lower.length == 0 || lower.length != upper.length) {
            throw new IllegalArgumentException("initial box corners must be non-empty and of equal length, got "
                    + Arrays.toString(lower) + " and " + Arrays.toString(upper));
        }
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] < upper[j]) || !Double.isFinite(lower[j]) || !Double.isFinite(upper[j])) {
                throw new IllegalArgumentException("initial box side " + j + " must be finite with lower < upper, got ["
                        + lower[j] + ", " + upper[j] + "]");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.seed = seed;
    }

    /** 0 where a point zeroes every term (n = 2, or a ∈ {0, 1}); otherwise unknown, as the class comment says. */
    @Override
    public double knownMinimum() {
        return n == 2 || a == 0 || a == 1 ? 0.0 : Double.NaN;
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x, int offset) {
        double f = 0;
        for (int i = 0; i < n - 1; i++) {
            double xi = x[offset + i];
            double valley = x[offset + i + 1] - xi * xi;
            double miss = a - xi;
            f += b * valley * valley + miss * miss;
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        Arrays.fill(gradient, gradientOffset, gradientOffset + n, 0.0);
        double f = 0;
        for (int i = 0; i < n - 1; i++) {
            double xi = x[xOffset + i];
            double valley = x[xOffset + i + 1] - xi * xi;
            double miss = a - xi;
            f += b * valley * valley + miss * miss;
            gradient[gradientOffset + i] += -4 * b * xi * valley - 2 * miss;
            gradient[gradientOffset + i + 1] += 2 * b * valley;
        }
        return f;
    }

    /** Tridiagonal: term i adds 12b·x_i² − 4b·x_{i+1} + 2 at (i, i), 2b at (i+1, i+1) and −4b·x_i at (i, i+1). */
    @Override
    public void hessian(double[] x, int offset, double[] hessian) {
        Arrays.fill(hessian, 0, n * n, 0.0);
        for (int i = 0; i < n - 1; i++) {
            double xi = x[offset + i];
            hessian[i * n + i] += 12 * b * xi * xi - 4 * b * x[offset + i + 1] + 2;
            hessian[(i + 1) * n + i + 1] += 2 * b;
            hessian[i * n + i + 1] = -4 * b * xi;
            hessian[(i + 1) * n + i] = -4 * b * xi;
        }
    }

    @Override
    public double[] initialPoint(int restart) {
        RandomGenerator rng = ProblemSeeds.restart(seed, restart);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            int side = j % lower.length;
            x[j] = lower[side] + (upper[side] - lower[side]) * rng.nextDouble();
        }
        return x;
    }

    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", n);
        m.put("definition", "sum_{i<n-1} b (x_{i+1} - x_i^2)^2 + (a - x_i)^2");
        m.put("a", a);
        m.put("b", b);
        m.put("initialLower", lower.clone());
        m.put("initialUpper", upper.clone());
        m.put("seed", seed);
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
