package org.l2o4j.dl4j.mnist;

import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;
import org.l2o4j.problems.mnist.MnistDigits;
import org.l2o4j.problems.mnist.MnistImages;

/**
 * Synthetic digits for tests that must not touch the network: labels i mod 10, each pixel ink (1–255) with
 * probability 0.2, about MNIST's share of non-zero pixels, so the network's sparse and dense paths both matter.
 */
final class FixtureDigits {

    private FixtureDigits() {
    }

    /** {@code count} digits from {@code seed}. */
    static MnistImages images(int count, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        byte[] pixels = new byte[count * MnistImages.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % MnistImages.CLASSES);
            for (int p = 0; p < MnistImages.PIXELS; p++) {
                if (rng.nextDouble() < 0.2) {
                    pixels[i * MnistImages.PIXELS + p] = (byte) (1 + rng.nextInt(255));
                }
            }
        }
        return MnistImages.of(pixels, labels, "fixture");
    }

    /** The digits split by class with a fifth held out, as the npm digits are. */
    static MnistDigits digits(int count, long seed) {
        return MnistDigits.byClass("fixture", images(count, seed), 0.2);
    }
}
