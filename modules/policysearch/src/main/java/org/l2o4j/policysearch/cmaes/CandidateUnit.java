package org.l2o4j.policysearch.cmaes;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.ParticleSpec;
import org.l2o4j.policysearch.PolicyTemplate;

/**
 * One CMA-ES candidate's fitness: the policy with weights θ(z) (computed by the driver, which holds the subspace) run
 * for the horizon on each part of the generation's functions, one fresh {@link Particle} per part, and the parts'
 * costs averaged with the parts' sizes as weights. The parts are the two fixed halves the trainer has always scored
 * a candidate in, so that the fitness, and with it every run, stays what it was.
 *
 * @param generation the generation (0: CMA-ES's start point), for the unit's name
 * @param candidate  the candidate's index in the generation, for the unit's name
 * @param template   the policy without θ
 * @param theta      θ(z)
 * @param parts      the generation's functions, in parts
 * @param horizon    T
 */
record CandidateUnit(int generation, int candidate, PolicyTemplate template, double[] theta, List<ParticleSpec> parts,
        int horizon) implements Unit<CandidateUnit.Score> {

    CandidateUnit {
        parts = List.copyOf(parts);
    }

    /**
     * A candidate's fitness and what it cost.
     *
     * @param cost         the mean over the functions of the episode cost
     * @param problemSteps problem-steps its episodes spent
     */
    record Score(double cost, long problemSteps) implements Serializable {
    }

    @Override
    public String name() {
        return generation == 0 ? "CMA-ES start point" : "CMA-ES generation " + generation + ", candidate "
                + (candidate + 1);
    }

    @Override
    public Score run() {
        GaussianMlpPolicy policy = template.policy(theta);
        double sum = 0;
        long spent = 0;
        int functions = 0;
        for (ParticleSpec part : parts) {
            Particle particle = part.start();
            sum += particle.advance(policy, horizon) * part.indices().length;
            spent += particle.problemSteps();
            functions += part.indices().length;
        }
        return new Score(sum / functions, spent);
    }
}
