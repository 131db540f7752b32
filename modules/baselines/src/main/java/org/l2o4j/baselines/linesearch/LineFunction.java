package org.l2o4j.baselines.linesearch;

/**
 * The objective restricted to a ray, φ(α) = f(x + αp), with its slope φ'(α) = ∇f(x + αp)ᵀp: all a line search sees.
 */
@FunctionalInterface
public interface LineFunction {

    /** Evaluates at step α, writing φ(α) to {@code out[0]} and φ'(α) to {@code out[1]}. */
    void evaluate(double step, double[] out);
}
