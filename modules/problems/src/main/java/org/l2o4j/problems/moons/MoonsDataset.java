package org.l2o4j.problems.moons;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons} makes them (renn {@code tasks.py} calls it with
 * n = 1024, noise 0.1, seed 0): n_out = ⌊n/2⌋ points (cos t, sin t) with label 0 on t = linspace(0, π, n_out), and
 * n_in = n − n_out points (1 − cos t, 1/2 − sin t) with label 1 on t = linspace(0, π, n_in); then i.i.d.
 * N(0, noise²) added to every coordinate, point by point, then a Fisher–Yates shuffle, all on the stream
 * {@code Seeds.derive(datasetSeed, "two-moons")}. numpy's generator cannot be reproduced in Java, so the points
 * equal scikit-learn's in distribution, not in value.
 *
 * @param features n rows (x, y)
 * @param labels   n labels, 0 (outer moon) or 1 (inner moon)
 */
public record MoonsDataset(double[][] features, int[] labels) {

    /** The data set of {@code points} points with coordinate noise σ = {@code noiseStd}, from {@code datasetSeed}. */
    public static MoonsDataset generate(int points, double noiseStd, long datasetSeed) {
        if (points < 2) {
            throw new IllegalArgumentException("two moons need at least 2 points, got " + points);
        }
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be finite and >= 0, got " + noiseStd);
        }
        int outer = points / 2;
        int inner = points - outer;
        double[][] features = new double[points][];
        int[] labels = new int[points];
        for (int k = 0; k < outer; k++) {
            double t = linspace(k, outer);
            features[k] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int k = 0; k < inner; k++) {
            double t = linspace(k, inner);
            features[outer + k] = new double[] {1 - Math.cos(t), 1 - Math.sin(t) - 0.5};
            labels[outer + k] = 1;
        }
        RandomGenerator rng = Seeds.rng(Seeds.derive(datasetSeed, "two-moons"));
        for (double[] p : features) {
            p[0] += noiseStd * rng.nextGaussian();
            p[1] += noiseStd * rng.nextGaussian();
        }
        for (int i = points - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] p = features[i];
            features[i] = features[j];
            features[j] = p;
            int l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
        }
        return new MoonsDataset(features, labels);
    }

    /** The k-th of {@code count} points evenly spaced on [0, π], ends included (numpy's linspace; [0] for one). */
    private static double linspace(int k, int count) {
        return count == 1 ? 0 : Math.PI * k / (count - 1);
    }
}
