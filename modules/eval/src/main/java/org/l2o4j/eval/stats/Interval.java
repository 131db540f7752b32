package org.l2o4j.eval.stats;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the mean or median
 * @param low      lower end of the interval
 * @param high     upper end of the interval
 * @param count    number of finite observations it rests on (NaN observations are excluded)
 */
public record Interval(double estimate, double low, double high, int count) {

    /** No finite observations. */
    public static final Interval EMPTY = new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
}
