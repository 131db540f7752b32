package org.l2o4j.eval.stats;

import java.util.List;

/**
 * Li &amp; Malik's margin of victory (2016, §6): for algorithm A on a run (test function and start) at iteration t,
 * margin_A(t) = min over the other algorithms B of f_B(t), minus f_A(t). It is positive only when A beats every
 * competitor, by how much.
 *
 * <p>Divergence: a run where A diverged has no margin (NaN, excluded from means, counted separately). A competitor
 * that diverged is beaten, so it is left out of the minimum; when every competitor diverged, A's margin is undefined
 * (NaN) but the run still counts as a win in {@link #winRate}.
 *
 * <p>Ties: algorithms that converge to the same optimum end up within a few ulps of each other, and which of them is
 * lower then depends on rounding alone (a vectorized kernel or another summation order flips it). {@link #winRate}
 * therefore counts A as a winner when f_A(t) ≤ best + {@link #TIE_TOLERANCE} · max(1, |best|), a slack that is relative
 * to the best competitor's value above |best| = 1 and absolute (1e-12) below it, so that values near 0 still tie; every
 * algorithm in such a tie wins; the margin itself is reported exactly.
 */
public final class Margins {

    /** Tie slack of {@link #winRate}: ties within TIE_TOLERANCE · max(1, |best|) (absolute below |best| = 1). */
    public static final double TIE_TOLERANCE = 1e-12;

    private Margins() {
    }

    /**
     * Margins of algorithm {@code a}.
     *
     * @param objectives per algorithm, f[run][t], NaN after divergence; all of equal shape
     * @return margin[run][t]
     */
    public static double[][] of(List<double[][]> objectives, int a) {
        double[][] own = objectives.get(a);
        int runs = own.length;
        int steps = own[0].length;
        double[][] m = new double[runs][steps];
        for (int r = 0; r < runs; r++) {
            for (int t = 0; t < steps; t++) {
                double best = bestOther(objectives, a, r, t);
                m[r][t] = Double.isNaN(own[r][t]) || Double.isInfinite(best) ? Double.NaN : best - own[r][t];
            }
        }
        return m;
    }

    /**
     * Fraction of runs at each iteration where {@code a} is at least as good as every competitor, ties within
     * {@link #TIE_TOLERANCE} included (a diverged competitor counts as beaten, a diverged {@code a} as beaten).
     */
    public static double[] winRate(List<double[][]> objectives, int a) {
        double[][] own = objectives.get(a);
        int runs = own.length;
        int steps = own[0].length;
        double[] rate = new double[steps];
        for (int t = 0; t < steps; t++) {
            int wins = 0;
            for (int r = 0; r < runs; r++) {
                double best = bestOther(objectives, a, r, t);
                double slack = Double.isInfinite(best) ? 0 : TIE_TOLERANCE * Math.max(1, Math.abs(best));
                if (!Double.isNaN(own[r][t]) && own[r][t] <= best + slack) {
                    wins++;
                }
            }
            rate[t] = (double) wins / runs;
        }
        return rate;
    }

    private static double bestOther(List<double[][]> objectives, int a, int r, int t) {
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < objectives.size(); b++) {
            double f = objectives.get(b)[r][t];
            if (b != a && !Double.isNaN(f)) {
                best = Math.min(best, f);
            }
        }
        return best;
    }
}
