package org.l2o4j.core.training.gradient;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1, bias-corrected, ε added to √v̂) on the flat parameters of a learned
 * optimizer: the one meta-optimizer of L2O4J, used by the shared outer loop of every gradient-based trainer
 * ({@link GradientMetaTrainer}; Andrychowicz et al.'s choice, papers.md §2.1) and by GPS's S-step (the policy
 * regression). Its moments and step count are part of the trainer checkpoint, so a resumed run continues exactly.
 */
public final class MetaAdam {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final long halvingSteps;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private long steps;

    /**
     * @param parameters   length of the parameter vector
     * @param learningRate step size (Andrychowicz et al.: 1e-3)
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to √v̂, positive
     */
    public MetaAdam(int parameters, double learningRate, double beta1, double beta2, double epsilon) {
        this(parameters, learningRate, beta1, beta2, epsilon, 0);
    }

    /**
     * Adam whose learning rate halves every {@code halvingSteps} steps; 0 keeps it constant.
     *
     * @param halvingSteps steps between halvings of the learning rate, 0 for none
     */
    public MetaAdam(int parameters, double learningRate, double beta1, double beta2, double epsilon,
            long halvingSteps) {
        if (parameters < 1 || !(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(epsilon > 0) || halvingSteps < 0) {
            throw new IllegalArgumentException("invalid Adam settings: parameters=" + parameters + ", learningRate="
                    + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                    + ", halvingSteps=" + halvingSteps);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.halvingSteps = halvingSteps;
        this.firstMoment = new double[parameters];
        this.secondMoment = new double[parameters];
    }

    /** θ ← θ − lr · m̂ / (√v̂ + ε) with the moments updated by {@code gradient}. */
    public void step(double[] theta, double[] gradient) {
        requireLength("theta", theta);
        update(gradient, theta, true);
    }

    /**
     * Updates the moments by {@code gradient} and writes the step lr · m̂ / (√v̂ + ε) into {@code step}, for parameters
     * that live elsewhere (the caller subtracts it, which gives the same bits as {@link #step(double[], double[])}).
     */
    public void stepInto(double[] gradient, double[] step) {
        requireLength("step", step);
        update(gradient, step, false);
    }

    private void update(double[] gradient, double[] target, boolean subtract) {
        requireLength("gradient", gradient);
        double lr = learningRate(steps);
        steps++;
        double firstCorrection = 1 / (1 - Math.pow(beta1, steps));
        double secondCorrection = 1 / (1 - Math.pow(beta2, steps));
        for (int k = 0; k < target.length; k++) {
            double g = gradient[k];
            firstMoment[k] = beta1 * firstMoment[k] + (1 - beta1) * g;
            secondMoment[k] = beta2 * secondMoment[k] + (1 - beta2) * g * g;
            double delta = lr * (firstMoment[k] * firstCorrection)
                    / (Math.sqrt(secondMoment[k] * secondCorrection) + epsilon);
            if (subtract) {
                target[k] -= delta;
            } else {
                target[k] = delta;
            }
        }
    }

    private void requireLength(String name, double[] v) {
        if (v.length != firstMoment.length) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries, Adam has " + firstMoment.length
                    + " parameters");
        }
    }

    /** The learning rate of step {@code step} (counted from 0) under the halving schedule. */
    public double learningRate(long step) {
        return halvingSteps == 0 ? learningRate : Math.scalb(learningRate, (int) -Math.min(step / halvingSteps, 2000));
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** A copy of the first moment m. */
    public double[] firstMoment() {
        return firstMoment.clone();
    }

    /** A copy of the second moment v. */
    public double[] secondMoment() {
        return secondMoment.clone();
    }

    /** Restores the state saved by a checkpoint. */
    public void restore(long savedSteps, double[] savedFirst, double[] savedSecond) {
        if (savedFirst.length != firstMoment.length || savedSecond.length != secondMoment.length) {
            throw new IllegalArgumentException("the saved Adam moments have " + savedFirst.length + " and "
                    + savedSecond.length + " entries, the network has " + firstMoment.length + " parameters");
        }
        if (savedSteps < 0) {
            throw new IllegalArgumentException("the saved Adam step count is negative: " + savedSteps);
        }
        this.steps = savedSteps;
        System.arraycopy(savedFirst, 0, firstMoment, 0, firstMoment.length);
        System.arraycopy(savedSecond, 0, secondMoment, 0, secondMoment.length);
    }
}
