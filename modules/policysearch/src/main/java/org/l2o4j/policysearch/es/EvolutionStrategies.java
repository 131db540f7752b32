package org.l2o4j.policysearch.es;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policysearch.Particle;
import org.l2o4j.policysearch.PolicyEstimator;
import org.l2o4j.policysearch.PolicyParameters;

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
 * <p>The 2P particles of a truncation run on {@code threads} workers; every draw depends on (seed, epoch, u) and the
 * pair index only, so the estimate does not depend on the thread count.
 */
public final class EvolutionStrategies extends PolicyEstimator {

    /** Label of the seed stream of the perturbations. */
    public static final String PERTURBATIONS = "es-perturbations";
    /** Label of the seed stream of θ₀. */
    public static final String INIT = "es-init";

    private final EsSettings settings;
    private final long seed;
    private final FeaturePreset preset;
    private final List<Problem> functions;
    private final List<double[]> starts;
    private final int threads;

    /**
     * @param settings      the settings
     * @param seed          the run's root seed
     * @param threads       workers for the particles (the estimate does not depend on it)
     * @param functions     the training functions
     * @param parameters    what θ is: the policy's shape, normalization and features
     */
    public EvolutionStrategies(EsSettings settings, long seed, int threads, List<Problem> functions,
            PolicyParameters parameters) {
        super(parameters, seed, INIT);
        this.settings = settings;
        this.seed = seed;
        this.preset = parameters.preset();
        this.functions = List.copyOf(functions);
        this.starts = this.functions.stream().map(p -> p.initialPoint(0)).toList();
        this.threads = threads;
    }

    @Override
    public int stepsPerEpoch() {
        return settings.horizon() / settings.truncationLength();
    }

    @Override
    public Epoch epoch(long epoch, double[] theta) {
        int m = Math.min(settings.functionsPerStep(), functions.size());
        List<Problem> chosen = new ArrayList<>(m);
        List<double[]> from = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int k = (int) ((epoch * m + j) % functions.size());
            chosen.add(functions.get(k));
            from.add(starts.get(k));
        }
        int pairs = settings.pairs();
        Particle[] plus = new Particle[pairs];
        Particle[] minus = new Particle[pairs];
        for (int i = 0; i < pairs; i++) {
            plus[i] = new Particle(preset, chosen, from, settings.relativeCost(), settings.divergedCostFactor());
            minus[i] = new Particle(preset, chosen, from, settings.relativeCost(), settings.divergedCostFactor());
        }
        double[][] accumulated = new double[pairs][theta.length];
        return new Epoch() {
            private int truncation;

            @Override
            public double estimate(double[] parameters, double[] gradient) {
                RandomGenerator rng = Seeds.rng(Seeds.derive(seed, PERTURBATIONS, epoch, truncation++));
                double sigma = settings.sigma();
                double[][] noise = new double[pairs][parameters.length];
                for (int i = 0; i < pairs; i++) {
                    for (int k = 0; k < parameters.length; k++) {
                        noise[i][k] = rng.nextGaussian();
                        accumulated[i][k] += noise[i][k];
                    }
                }
                GaussianMlpPolicy[] perturbed = new GaussianMlpPolicy[2 * pairs];
                for (int i = 0; i < pairs; i++) {
                    perturbed[2 * i] = perturbed(parameters, noise[i], sigma);
                    perturbed[2 * i + 1] = perturbed(parameters, noise[i], -sigma);
                }
                List<Double> costs = ParallelMap.map(2 * pairs, threads, k -> (k % 2 == 0 ? plus : minus)[k / 2]
                        .advance(perturbed[k], settings.truncationLength()));
                java.util.Arrays.fill(gradient, 0);
                double loss = 0;
                for (int i = 0; i < pairs; i++) {
                    double up = costs.get(2 * i);
                    double down = costs.get(2 * i + 1);
                    loss += up + down;
                    double weight = (up - down) / (2 * pairs * sigma);
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
                    sum += plus[i].meanObjective() + minus[i].meanObjective();
                }
                return sum / (2 * pairs);
            }

            @Override
            public long problemSteps() {
                long spent = 0;
                for (int i = 0; i < pairs; i++) {
                    spent += plus[i].problemSteps() + minus[i].problemSteps();
                }
                return spent;
            }
        };
    }

    private GaussianMlpPolicy perturbed(double[] theta, double[] noise, double scale) {
        double[] perturbed = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            perturbed[k] = theta[k] + scale * noise[k];
        }
        return policy(perturbed);
    }
}
