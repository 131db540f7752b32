package org.l2o4j.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Explicit, derivable seeds. Every random thing in L2O4J takes a seed; related streams (split × index, problem ×
 * restart, worker × task) get their own seed derived here by hashing, so work done in parallel or out of order gives
 * the numbers it would give in sequence.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A generator for one stream. SplitMix64 (java.util.SplittableRandom): fast, and specified, so stable. */
    public static RandomGenerator rng(long seed) {
        return new SplittableRandom(seed);
    }

    /** A seed for the stream named by {@code label} and {@code indices} under {@code base}. */
    public static long derive(long base, String label, long... indices) {
        long h = mix(base ^ 0x9E3779B97F4A7C15L);
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        for (long i : indices) {
            h = mix(h ^ mix(i + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** The SplitMix64 finalizer: a bijective 64-bit mix with full avalanche. */
    /**
     * A uniformly random permutation of 0 … n−1 from the stream of {@code seed} (Fisher–Yates from the top, one
     * {@code nextInt(i + 1)} per position).
     */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RandomGenerator rng = rng(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** d independent standard normal numbers. */
    public static double[] gaussian(RandomGenerator rng, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
