package org.l2o4j.policysearch;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;

/**
 * What a {@link Particle} runs on, as plain data that a unit carries: some of the training functions (by index, each
 * from its initial point), the features the policy reads and the cost rule. A unit makes its particles from it where
 * it runs, fresh ({@link #start}) or from a state carried in ({@link #resume}).
 *
 * @param functions          the training functions
 * @param indices            which of them the particle optimizes, in this order
 * @param preset             the features the policy reads
 * @param relativeCost       whether a step's cost is f(x_t) / f(x_0)
 * @param divergedCostFactor a diverged function's cost per step, in units of f(x_0)
 */
public record ParticleSpec(TrainingFunctions functions, int[] indices, FeaturePreset preset, boolean relativeCost,
        double divergedCostFactor) implements Serializable {

    public ParticleSpec {
        indices = indices.clone();
    }

    /** A particle at the start of its episodes. */
    public Particle start() {
        List<Problem> chosen = functions.select(indices);
        return new Particle(preset, chosen, chosen.stream().map(p -> p.initialPoint(0)).toList(), relativeCost,
                divergedCostFactor);
    }

    /** The particle whose {@link Particle#state} this is (taken of a particle of this spec). */
    public Particle resume(Particle.State state) {
        return Particle.resume(preset, functions.select(indices), state, relativeCost, divergedCostFactor);
    }
}
