package org.l2o4j.problems;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * The random streams of one sampled problem. Its data come from {@code Seeds.derive(s, "data")} and restart k's initial
 * point from {@code Seeds.derive(s, "x0", k)}, where s is the problem's seed, so any (problem, restart) pair is rebuilt
 * alone, and changing how initial points are drawn never changes the data (or the reverse).
 */
public final class ProblemSeeds {

    private ProblemSeeds() {
    }

    /** The generator of the data (everything but the initial points) of the problem with seed {@code problemSeed}. */
    public static RandomGenerator data(long problemSeed) {
        return Seeds.rng(Seeds.derive(problemSeed, "data"));
    }

    /** The generator of restart {@code restart} of the problem with seed {@code problemSeed}. */
    public static RandomGenerator restart(long problemSeed, int restart) {
        if (restart < 0) {
            throw new IllegalArgumentException("restart must be >= 0, got " + restart);
        }
        return Seeds.rng(Seeds.derive(problemSeed, "x0", restart));
    }

    /** Restart {@code restart}'s initial point drawn from N(0, scale² I_d). */
    public static double[] gaussianStart(long problemSeed, int restart, int d, double scale) {
        RandomGenerator rng = restart(problemSeed, restart);
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = scale * rng.nextGaussian();
        }
        return x;
    }
}
