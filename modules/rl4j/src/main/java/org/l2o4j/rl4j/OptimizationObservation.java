package org.l2o4j.rl4j;

import org.deeplearning4j.rl4j.space.Encodable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One observation of the optimization MDP as RL4J's {@link Encodable}: the (scaled) feature vector. RL4J's DQN reads it
 * through {@link #toArray()} (deps.md: {@code EncodableToINDArrayTransform} does {@code Nd4j.create(toArray())}).
 * Immutable: the array is copied in and every accessor returns a copy.
 */
public final class OptimizationObservation implements Encodable {

    private final double[] features;

    /** An observation holding a copy of {@code features}. */
    public OptimizationObservation(double[] features) {
        this.features = features.clone();
    }

    @Override
    public double[] toArray() {
        return features.clone();
    }

    /** Never skipped: every step of the optimization MDP is a decision (no frame skipping). */
    @Override
    public boolean isSkipped() {
        return false;
    }

    /** The features as a 1-D INDArray, in ND4J's default floating-point type. */
    @Override
    public INDArray getData() {
        return Nd4j.create(features).castTo(Nd4j.defaultFloatingPointType());
    }

    @Override
    public OptimizationObservation dup() {
        return new OptimizationObservation(features);
    }

    /** Length of the feature vector. */
    public int length() {
        return features.length;
    }
}
