package org.l2o4j.eval.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals over runs (problems × restarts). NaN observations (diverged runs) are excluded and the number
 * kept is reported, so a mean is never silently taken over fewer runs than it claims.
 */
public final class Statistics {

    /** Commons Math's default (1e-9) would put the interval's ends off in the ninth digit. */
    private static final double INVERSE_ACCURACY = 1e-14;

    private Statistics() {
    }

    /** The finite values of {@code values}, in order. */
    public static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /**
     * Mean with a Student-t interval: mean ± t_{n−1, (1+level)/2} · s/√n. One observation gives a degenerate
     * interval at the value.
     */
    public static Interval mean(double[] values, double level) {
        double[] v = finite(values);
        int n = v.length;
        if (n == 0) {
            return Interval.EMPTY;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n == 1) {
            return new Interval(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(null, n - 1, INVERSE_ACCURACY).inverseCumulativeProbability(0.5 + level / 2);
        return new Interval(mean, mean - t * se, mean + t * se, n);
    }

    /**
     * Median with the distribution-free order-statistic interval [x_(j), x_(n+1−j)], j the largest index with
     * P(Binomial(n, ½) &lt; j) ≤ (1 − level)/2. Its coverage is at least {@code level}; for very few observations
     * (n ≤ 5 at 95 %) no such j exists and the interval is the full range.
     */
    public static Interval median(double[] values, double level) {
        double[] v = finite(values);
        int n = v.length;
        if (n == 0) {
            return Interval.EMPTY;
        }
        Arrays.sort(v);
        double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        double alphaHalf = (1 - level) / 2;
        BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
        int j = 0;
        while (j + 1 <= n / 2 && b.cumulativeProbability(j) <= alphaHalf) {
            j++;
        }
        int lo = Math.max(j, 1);
        return new Interval(median, v[lo - 1], v[n - lo], n);
    }

    /**
     * The p-quantile of the finite values, interpolated linearly between order statistics (Hyndman &amp; Fan's type 7,
     * R's and NumPy's default): position (n − 1)·p in the sorted values. NaN when none is finite.
     */
    public static double quantile(double[] values, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    }
}
