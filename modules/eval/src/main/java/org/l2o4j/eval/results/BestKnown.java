package org.l2o4j.eval.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * The best known value f* of each test function, against which suboptimality f − f* and the profiles' convergence
 * test are measured, with how it was found:
 * <ul>
 * <li>{@link Source#CLOSED_FORM}: the problem's {@link Problem#knownMinimum()};</li>
 * <li>{@link Source#CONVEX_SOLVER}: a convex problem, L-BFGS from its initial point run until
 * ‖∇f‖ ≤ {@value #CONVERGED}·max(1, |f|), which for a convex f makes its value min f to that tolerance;</li>
 * <li>{@link Source#BEST_REACHED}: otherwise (a non-convex f, or a solver that stopped short), the lowest value any
 * compared method reached on any restart at any step (and the solver's, where one ran). Then f − f* is "how far
 * above the best of these methods", not a distance to the true minimum, and the figures say so.</li>
 * </ul>
 * A value a compared method reached below a solver's is taken, so no gap is negative by more than rounding.
 *
 * @param value              f* per test function
 * @param source             how each was found
 * @param solverGradientNorm ‖∇f‖ where L-BFGS stopped, NaN where it did not run
 * @param solverIterations   L-BFGS iterations run, 0 where it did not run
 */
public record BestKnown(double[] value, Source[] source, double[] solverGradientNorm, int[] solverIterations) {

    /** Relative gradient norm at which the convex solver counts as converged. */
    public static final double CONVERGED = 1e-8;
    /** Iteration cap of the convex solver; a 100-dimensional logistic regression needs a few hundred. */
    public static final int MAX_SOLVER_ITERATIONS = 10_000;

    /** How f* was found. */
    public enum Source {
        /** The problem's own closed-form minimum. */
        CLOSED_FORM("closed form"),
        /** L-BFGS run to a stationary point of a convex function. */
        CONVEX_SOLVER("L-BFGS to convergence (convex)"),
        /** The lowest value reached by the compared methods (and the solver, where one ran). */
        BEST_REACHED("best value reached by any method");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** A phrase for captions and files. */
        public String description() {
            return description;
        }
    }

    /**
     * f* of every test function.
     *
     * @param test       the test functions
     * @param results    every method's rollouts over the runs
     * @param runProblem for each run, the index of its test function
     */
    public static BestKnown of(List<Problem> test, List<RolloutResult> results, int[] runProblem) {
        int n = test.size();
        double[] reached = new double[n];
        Arrays.fill(reached, Double.POSITIVE_INFINITY);
        for (RolloutResult r : results) {
            for (int run = 0; run < runProblem.length; run++) {
                for (double f : r.objective()[run]) {
                    if (!Double.isNaN(f)) {
                        reached[runProblem[run]] = Math.min(reached[runProblem[run]], f);
                    }
                }
            }
        }
        BestKnown best = new BestKnown(new double[n], new Source[n], new double[n], new int[n]);
        Arrays.fill(best.solverGradientNorm, Double.NaN);
        List<Integer> convex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Problem p = test.get(i);
            if (Double.isFinite(p.knownMinimum())) {
                best.value[i] = p.knownMinimum();
                best.source[i] = Source.CLOSED_FORM;
            } else if (p.convex()) {
                convex.add(i);
            } else {
                best.value[i] = reached[i];
                best.source[i] = Source.BEST_REACHED;
            }
        }
        if (!convex.isEmpty()) {
            solve(test, convex, reached, best);
        }
        return best;
    }

    /** The source of every function, if they all share one, else null. */
    public Source commonSource() {
        return Arrays.stream(source).distinct().count() == 1 ? source[0] : null;
    }

    /** How many functions have each source, for captions: "100 by L-BFGS to convergence (convex)". */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Source s : Source.values()) {
            long count = Arrays.stream(source).filter(x -> x == s).count();
            if (count > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(count).append(" by ").append(s.description());
            }
        }
        return out.toString();
    }

    /** L-BFGS on the convex functions as one batch, each until converged or stopped by its own termination test. */
    private static void solve(List<Problem> test, List<Integer> convex, double[] reached, BestKnown best) {
        List<Problem> problems = convex.stream().map(test::get).toList();
        ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
        OptimizerState state = Catalog.optimizer("lbfgs", Map.of()).start(batch);
        int m = problems.size();
        int d = batch.dimension();
        double[] lowest = batch.values().clone();
        double[] norm = new double[m];
        int[] iterations = new int[m];
        boolean[] done = new boolean[m];
        for (int t = 0; t <= MAX_SOLVER_ITERATIONS; t++) {
            boolean all = true;
            for (int k = 0; k < m; k++) {
                if (done[k]) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double g = batch.gradient()[k * d + j];
                    s += g * g;
                }
                norm[k] = Math.sqrt(s);
                lowest[k] = Math.min(lowest[k], batch.values()[k]);
                iterations[k] = t;
                done[k] = norm[k] <= CONVERGED * Math.max(1, Math.abs(batch.values()[k]));
                if (done[k]) {
                    batch.deactivate(k);
                }
                all &= done[k];
            }
            long before = batch.totalGradientEvaluations();
            if (all || t == MAX_SOLVER_ITERATIONS) {
                break;
            }
            state.step();
            if (batch.totalGradientEvaluations() == before) {
                break;
            }
        }
        for (int k = 0; k < m; k++) {
            int i = convex.get(k);
            best.value[i] = Math.min(lowest[k], reached[i]);
            best.source[i] = done[k] ? Source.CONVEX_SOLVER : Source.BEST_REACHED;
            best.solverGradientNorm[i] = norm[k];
            best.solverIterations[i] = iterations[k];
        }
    }
}
