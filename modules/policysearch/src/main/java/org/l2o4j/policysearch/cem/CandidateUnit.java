package org.l2o4j.policysearch.cem;

import java.io.Serializable;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyTemplate;
import org.l2o4j.policysearch.TrainingFunctions;

/**
 * One CEM candidate's cost: the policy with weights θ_i run as {@link PolicyEpisodes} on the generation's training
 * functions. The unit carries θ_i as an array and the functions as indices; it makes both where it runs.
 *
 * @param generation the generation, for the unit's name
 * @param candidate  the candidate's index, for the unit's name
 * @param functions  the training functions
 * @param indices    the generation's functions among them
 * @param preset     the features the policy reads
 * @param horizon    T
 * @param template   the policy without θ
 * @param theta      θ_i
 */
record CandidateUnit(int generation, int candidate, TrainingFunctions functions, int[] indices, FeaturePreset preset,
        int horizon, PolicyTemplate template, double[] theta) implements Unit<CandidateUnit.Score> {

    /**
     * A candidate's cost and what it spent.
     *
     * @param cost         the mean episode cost ({@link PolicyEpisodes#cost}), +∞ if a run diverged
     * @param problemSteps the problem-steps its episodes spent
     */
    record Score(double cost, long problemSteps) implements Serializable {
    }

    @Override
    public String name() {
        return "CEM generation " + (generation + 1) + ", candidate " + (candidate + 1);
    }

    @Override
    public Score run() {
        PolicyEpisodes episodes = new PolicyEpisodes(preset, horizon, functions.problems(),
                template.architecture().hiddenUnits());
        double cost = episodes.cost(template.policy(theta), indices);
        return new Score(cost, episodes.problemSteps());
    }
}
