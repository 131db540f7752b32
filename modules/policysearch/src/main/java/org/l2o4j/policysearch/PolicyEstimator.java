package org.l2o4j.policysearch;

import java.nio.file.Path;
import java.util.Map;

import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.TrainedOptimizer;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policy.GaussianMlpPolicy;

/**
 * What every meta-gradient estimator over Li &amp; Malik's MLP policy shares: θ is the policy's weights
 * ({@link PolicyParameters}), θ₀ is a fresh policy drawn from the seed stream of a label of the trainer's own, the
 * normalization's fit is the set-up cost, and θ as an optimizer, a checkpoint and a trained optimizer is the
 * policy's. θ₀ is a given policy's weights when the trainer starts from one ({@link PolicyParameters#start()}).
 * A subclass supplies the estimate itself ({@link #stepsPerEpoch}, {@link #epoch}).
 */
public abstract class PolicyEstimator implements GradientEstimator {

    private final PolicyParameters parameters;
    private final long initSeed;

    /**
     * @param parameters what θ is
     * @param seed       the run's trainer seed
     * @param initLabel  the label of θ₀'s seed stream
     */
    protected PolicyEstimator(PolicyParameters parameters, long seed, String initLabel) {
        this.parameters = parameters;
        this.initSeed = Seeds.derive(seed, initLabel);
    }

    /** What θ is. */
    protected final PolicyParameters parameters() {
        return parameters;
    }

    @Override
    public final int parameterCount() {
        return parameters.architecture().parameterCount();
    }

    @Override
    public final double[] initialParameters() {
        return parameters.start().length > 0 ? parameters.start()
                : GaussianMlpPolicy.initialize(parameters.architecture(), initSeed).parameters();
    }

    @Override
    public final long setupProblemSteps() {
        return parameters.normalizationProblemSteps();
    }

    /** θ as the policy (the fixed normalization and initial σ² around it). */
    public final GaussianMlpPolicy policy(double[] theta) {
        return parameters.policy(theta);
    }

    @Override
    public final Optimizer optimizer(double[] theta) {
        return parameters.optimizer(theta);
    }

    @Override
    public final void saveOptimizer(double[] theta, Path file, Map<String, Object> provenance) {
        parameters.save(theta, file, provenance);
    }

    @Override
    public final TrainedOptimizer trainedOptimizer(Path file) {
        return parameters.trained(file);
    }

    @Override
    public void close() {
    }
}
