package org.l2o4j.policysearch.es;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.ParticleSpec;
import org.l2o4j.policysearch.PolicyEstimator;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.PolicyTemplate;
import org.l2o4j.policysearch.TrainingFunctions;

/**
 * Antithetic evolution strategies over the policy's weights θ as a {@link GradientEstimator} (policy-search.md):
 * persistent ES (Vicol, Metz &amp; Sohl-Dickstein, ICML 2021) on episodes cut into truncations of K steps, and, with
 * K = T, full-episode ES.
 *
 * <p>An epoch is one episode of every particle: P antithetic pairs, each a {@link Particle} for θ + σε_i and one for
 * θ − σε_i, all started on the epoch's training functions (common random numbers: every pair sees the same functions
 * and initial points), with accumulators ξ_i = 0. Meta-step u (a truncation) draws ε_i ~ N(0, I) from the stream of
 * (seed, epoch, u), sets ξ_i ← ξ_i + ε_i, advances each particle K steps with its perturbed policy, and estimates
 * <pre>
 *   ĝ = (1 / (2Pσ)) Σ_i (L⁺_i − L⁻_i) ξ_i
 * </pre>
 * with L±_i the particles' costs over this truncation only. With K = T this is the full-episode ES estimate
 * (1 / (2Pσ)) Σ_i (L(θ + σε_i) − L(θ − σε_i)) ε_i; PES is unbiased for the full-episode objective. The reported
 * meta-loss is the mean of L⁺ and L⁻.
 *
 * <p><b>On the engine.</b> Each truncation's population runs on the engine as one {@link PairUnit} per antithetic
 * pair: both members share the functions, the starts and ε, so a pair ships ε once for two rollouts, and its two
 * episodes of {@code functionsPerStep} functions are enough work to outweigh shipping θ and ε (2 × 11,704 numbers for
 * Li &amp; Malik's policy); a smaller unit (one member) would ship the same arrays for half the work, a larger one
 * (several pairs) would leave cores idle with the few pairs ES uses. The driver keeps θ, the draws, the accumulators
 * ξ_i and, between the truncations of a PES episode, each particle's inner state (iterates and feature histories,
 * {@link Particle.State}), which a unit takes in and hands back. Every draw depends on (seed, epoch, u) and the pair
 * index only and the estimate sums the pairs in their order, so it depends neither on the engine nor on its number of
 * workers.
 */
public final class EvolutionStrategies extends PolicyEstimator {

    /** Label of the seed stream of the perturbations. */
    public static final String PERTURBATIONS = "es-perturbations";
    /** Label of the seed stream of θ₀. */
    public static final String INIT = "es-init";

    private final EsSettings settings;
    private final long seed;
    private final FeaturePreset preset;
    private final TrainingFunctions functions;
    private final Engine engine;

    /**
     * @param settings      the settings
     * @param seed          the run's root seed
     * @param engine        where the pairs run (the estimate does not depend on it)
     * @param functions     the training functions
     * @param parameters    what θ is: the policy's shape, normalization and features
     */
    public EvolutionStrategies(EsSettings settings, long seed, Engine engine, TrainingFunctions functions,
            PolicyParameters parameters) {
        super(parameters, seed, INIT);
        this.settings = settings;
        this.seed = seed;
        this.preset = parameters.preset();
        this.functions = functions;
        this.engine = engine;
    }

    @Override
    public int stepsPerEpoch() {
        return settings.horizon() / settings.truncationLength();
    }

    @Override
    public Epoch epoch(long epoch, double[] theta) {
        int m = Math.min(settings.functionsPerStep(), functions.count());
        int[] chosen = new int[m];
        for (int j = 0; j < m; j++) {
            chosen[j] = (int) ((epoch * m + j) % functions.count());
        }
        ParticleSpec particles = new ParticleSpec(functions, chosen, preset, settings.relativeCost(),
                settings.divergedCostFactor());
        PolicyTemplate template = parameters().template();
        int pairs = settings.pairs();
        Particle.State[] plus = new Particle.State[pairs];
        Particle.State[] minus = new Particle.State[pairs];
        double[] plusObjective = new double[pairs];
        double[] minusObjective = new double[pairs];
        long[] plusSteps = new long[pairs];
        long[] minusSteps = new long[pairs];
        double[][] accumulated = new double[pairs][theta.length];
        return new Epoch() {
            private int truncation;

            @Override
            public double estimate(double[] parameters, double[] gradient) {
                int u = truncation++;
                RandomGenerator rng = Seeds.rng(Seeds.derive(seed, PERTURBATIONS, epoch, u));
                double sigma = settings.sigma();
                double[][] noise = new double[pairs][parameters.length];
                for (int i = 0; i < pairs; i++) {
                    for (int k = 0; k < parameters.length; k++) {
                        noise[i][k] = rng.nextGaussian();
                        accumulated[i][k] += noise[i][k];
                    }
                }
                boolean episodeGoesOn = truncation < stepsPerEpoch();
                List<PairUnit> units = new ArrayList<>(pairs);
                for (int i = 0; i < pairs; i++) {
                    units.add(new PairUnit(epoch, u, i, particles, template, parameters, noise[i], sigma,
                            settings.truncationLength(), plus[i], minus[i], episodeGoesOn));
                }
                List<PairUnit.Outcome> outcomes = engine.run("evolution-strategies pairs", units, done -> { });
                Arrays.fill(gradient, 0);
                double loss = 0;
                for (int i = 0; i < pairs; i++) {
                    PairUnit.Outcome o = outcomes.get(i);
                    plus[i] = o.plus();
                    minus[i] = o.minus();
                    plusObjective[i] = o.upObjective();
                    minusObjective[i] = o.downObjective();
                    plusSteps[i] = o.upSteps();
                    minusSteps[i] = o.downSteps();
                    loss += o.up() + o.down();
                    double weight = (o.up() - o.down()) / (2 * pairs * sigma);
                    for (int k = 0; k < gradient.length; k++) {
                        gradient[k] += weight * accumulated[i][k];
                    }
                }
                return loss / (2 * pairs);
            }

            @Override
            public double finalObjective() {
                double sum = 0;
                for (int i = 0; i < pairs; i++) {
                    sum += plusObjective[i] + minusObjective[i];
                }
                return sum / (2 * pairs);
            }

            @Override
            public long problemSteps() {
                long spent = 0;
                for (int i = 0; i < pairs; i++) {
                    spent += plusSteps[i] + minusSteps[i];
                }
                return spent;
            }
        };
    }
}
