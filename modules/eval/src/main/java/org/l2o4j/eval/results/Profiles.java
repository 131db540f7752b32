package org.l2o4j.eval.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.l2o4j.core.rollout.RolloutResult;

/**
 * Performance profiles (Dolan &amp; Moré 2002) and data profiles (Moré &amp; Wild 2009) of the compared methods on the
 * test runs: the optimization community's way to say which solver solves how many problems at what cost.
 *
 * <p>A run (test function × restart) counts as solved at tolerance τ from the first step t with
 * f(x_t) ≤ f* + τ·(f(x_0) − f*), Moré &amp; Wild's convergence test, f* the function's {@link BestKnown} value. Its cost
 * is the evaluations spent up to that step: function evaluations, a Hessian charged as d of them (the finite-difference
 * price of a Hessian from gradients; Newton would be free otherwise). A diverged run is unsolved from its divergence.
 * <ul>
 * <li>Performance profile: ρ_s(α) = fraction of runs with cost_s ≤ α · min over methods of the cost, for α ≥ 1; at
 * α = 1 it is the fraction of runs where s was cheapest (ties all count), as α grows it is the fraction s solves at
 * all.</li>
 * <li>Data profile: d_s(κ) = fraction of runs s solves within κ evaluations.</li>
 * </ul>
 */
public final class Profiles {

    /** The tolerances reported: a rough, a good and a tight solution. */
    public static final List<Double> TOLERANCES = List.of(1e-1, 1e-3, 1e-5);

    /**
     * One method's profile as a step function: fraction[k] from x[k] until x[k + 1]. The last point closes the curve
     * at the right end of the axis.
     *
     * @param label    the method
     * @param x        α (performance) or evaluations (data), increasing
     * @param fraction fraction of runs solved, non-decreasing
     */
    public record Curve(String label, double[] x, double[] fraction) {
    }

    /**
     * Both profiles at one tolerance.
     *
     * @param tolerance   τ
     * @param performance one curve per method, against α
     * @param data        one curve per method, against evaluations
     */
    public record AtTolerance(double tolerance, List<Curve> performance, List<Curve> data) {
    }

    private Profiles() {
    }

    /**
     * Both profiles at every one of {@link #TOLERANCES}; the data profiles run to the most evaluations any method
     * spent on a run.
     */
    public static List<AtTolerance> of(List<String> labels, List<RolloutResult> results, int[] runProblem,
            double[] best, int dimension) {
        double budget = 0;
        for (RolloutResult r : results) {
            for (int run = 0; run < runProblem.length; run++) {
                int last = r.steps();
                budget = Math.max(budget, r.valueEvaluations()[run][last]
                        + (double) dimension * r.hessianEvaluations()[run][last]);
            }
        }
        List<AtTolerance> out = new ArrayList<>();
        for (double tolerance : TOLERANCES) {
            double[][] cost = costs(results, runProblem, best, tolerance, dimension);
            out.add(new AtTolerance(tolerance, performance(labels, cost), data(labels, cost, budget)));
        }
        return out;
    }

    /**
     * cost[method][run]: evaluations until solved at tolerance τ, +∞ where never solved.
     *
     * @param best       f* per test function
     * @param runProblem for each run, the index of its test function
     * @param dimension  d, the price of a Hessian in function evaluations
     */
    public static double[][] costs(List<RolloutResult> results, int[] runProblem, double[] best, double tolerance,
            int dimension) {
        double[][] cost = new double[results.size()][runProblem.length];
        for (int s = 0; s < results.size(); s++) {
            RolloutResult r = results.get(s);
            for (int run = 0; run < runProblem.length; run++) {
                double[] f = r.objective()[run];
                double fStar = best[runProblem[run]];
                double target = fStar + tolerance * (f[0] - fStar);
                cost[s][run] = Double.POSITIVE_INFINITY;
                for (int t = 0; t < f.length; t++) {
                    if (f[t] <= target) {
                        cost[s][run] = r.valueEvaluations()[run][t] + (double) dimension * r.hessianEvaluations()[run][t];
                        break;
                    }
                }
            }
        }
        return cost;
    }

    /** Performance profiles from {@link #costs}: x = α from 1 to twice the largest finite ratio (at least 2). */
    public static List<Curve> performance(List<String> labels, double[][] cost) {
        int runs = cost[0].length;
        double[][] ratio = new double[cost.length][runs];
        double largest = 1;
        for (int run = 0; run < runs; run++) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] c : cost) {
                min = Math.min(min, c[run]);
            }
            for (int s = 0; s < cost.length; s++) {
                ratio[s][run] = Double.isInfinite(cost[s][run]) ? Double.POSITIVE_INFINITY : cost[s][run] / min;
                largest = Double.isFinite(ratio[s][run]) ? Math.max(largest, ratio[s][run]) : largest;
            }
        }
        List<Curve> out = new ArrayList<>();
        for (int s = 0; s < cost.length; s++) {
            out.add(steps(labels.get(s), ratio[s], 1, 2 * largest));
        }
        return out;
    }

    /** Data profiles from {@link #costs}: x = evaluations from 0 to {@code budget}. */
    public static List<Curve> data(List<String> labels, double[][] cost, double budget) {
        List<Curve> out = new ArrayList<>();
        for (int s = 0; s < cost.length; s++) {
            out.add(steps(labels.get(s), cost[s], 0, budget));
        }
        return out;
    }

    /** The empirical distribution function of {@code values} (∞ never reached) from {@code start} to {@code end}. */
    private static Curve steps(String label, double[] values, double start, double end) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        List<double[]> points = new ArrayList<>();
        int below = 0;
        while (below < sorted.length && sorted[below] <= start) {
            below++;
        }
        points.add(new double[] {start, (double) below / values.length});
        for (int k = below; k < sorted.length; k++) {
            if (k + 1 < sorted.length && sorted[k + 1] == sorted[k]) {
                continue;
            }
            points.add(new double[] {sorted[k], (double) (k + 1) / values.length});
        }
        double last = points.get(points.size() - 1)[1];
        points.add(new double[] {Math.max(end, points.get(points.size() - 1)[0]), last});
        return new Curve(label, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
