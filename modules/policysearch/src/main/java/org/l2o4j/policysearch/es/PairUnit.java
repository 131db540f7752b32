package org.l2o4j.policysearch.es;

import java.io.Serializable;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.ParticleSpec;
import org.l2o4j.policysearch.PolicyTemplate;

/**
 * One antithetic pair's truncation: the particles for θ + σε and θ − σε advanced {@code steps} steps, from the states
 * they had after the pair's previous truncation (null: fresh, at the epoch's first truncation). The unit carries θ and
 * ε as arrays and makes the two perturbed policies where it runs, exactly as the driver would.
 *
 * @param epoch      the epoch, for the unit's name
 * @param truncation the truncation within it, for the unit's name
 * @param pair       the pair's index, for the unit's name
 * @param particles  the epoch's functions and cost rule, shared by both members (common random numbers)
 * @param template   the policy without θ
 * @param theta      θ
 * @param noise      ε, drawn by the driver
 * @param sigma      σ
 * @param steps      K, the truncation's steps
 * @param plus       the + particle's state, or null for a fresh one
 * @param minus      the − particle's state, or null for a fresh one
 * @param keepStates whether the particles' new states come back (another truncation of the episode follows)
 */
record PairUnit(long epoch, int truncation, int pair, ParticleSpec particles, PolicyTemplate template, double[] theta,
        double[] noise, double sigma, int steps, Particle.State plus, Particle.State minus, boolean keepStates)
        implements Unit<PairUnit.Outcome> {

    /**
     * What the pair's truncation gave.
     *
     * @param up             L⁺, the + particle's cost over the truncation
     * @param down           L⁻
     * @param upObjective    the + particle's mean objective after it ({@link Particle#meanObjective()})
     * @param downObjective  the − particle's
     * @param upSteps        problem-steps the + particle has spent in its episode so far
     * @param downSteps      the − particle's
     * @param plus           the + particle's new state, or null when not kept
     * @param minus          the − particle's, or null
     */
    record Outcome(double up, double down, double upObjective, double downObjective, long upSteps, long downSteps,
            Particle.State plus, Particle.State minus) implements Serializable {
    }

    @Override
    public String name() {
        return "epoch " + epoch + ", truncation " + (truncation + 1) + ", pair " + (pair + 1);
    }

    @Override
    public Outcome run() {
        Particle up = plus == null ? particles.start() : particles.resume(plus);
        Particle down = minus == null ? particles.start() : particles.resume(minus);
        double upCost = up.advance(template.policy(perturbed(sigma)), steps);
        double downCost = down.advance(template.policy(perturbed(-sigma)), steps);
        return new Outcome(upCost, downCost, up.meanObjective(), down.meanObjective(), up.problemSteps(),
                down.problemSteps(), keepStates ? up.state() : null, keepStates ? down.state() : null);
    }

    private double[] perturbed(double scale) {
        double[] perturbed = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            perturbed[k] = theta[k] + scale * noise[k];
        }
        return perturbed;
    }
}
