package org.l2o4j.gps.sampling;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.policy.Policy;

/**
 * Draws N trajectories of T steps per condition (gps.md §4.1 and the sampling line of §3's outer loop), all N
 * rollouts of one condition advanced together as the lanes of one {@link L2oEnvironment}.
 * <ul>
 *   <li>From a local controller, the behaviour policy of GPS: u_t = K_t s_t + k_t + L_t ξ_t, with L_t the lower
 *       Cholesky factor of Σ_t and ξ_t ~ N(0, I), unsmoothed.</li>
 *   <li>From the global policy, for evaluation: u_t = μ_θ(o_t) + σ ⊙ ξ_t, where σ² is the policy's diagonal
 *       variance; the policy sees only the observation.</li>
 * </ul>
 * The whole noise array ξ[n][t] of a condition is drawn first, sample by sample and step by step, from
 * {@code Seeds.rng(noiseSeed)}; the batched multi-condition methods derive that seed from (seed, iteration,
 * condition) with {@link Seeds#derive}. So a condition's batch depends only on its own seed, never on the thread
 * count or on the other conditions.
 *
 * <p>A rollout that diverges (core's {@link DivergenceRule}: non-finite or exploding f, ∇f or x) cannot be fitted by
 * GPS. By default sampling then fails with an exception naming the problem, the sample and the step, instead of
 * handing NaN to the dynamics fit. With {@code redraws} &gt; 0 a diverged sample is instead rolled out again from x_0
 * with fresh noise, up to that many times: redraw a of a condition draws the noise of its still-diverged samples, in
 * sample order, from {@code Seeds.rng(Seeds.derive(noiseSeed, }{@value #REDRAW_NOISE}{@code , a))}; the batch holds
 * the noise its samples were actually drawn with (so every action still replays) and counts the redrawn rollouts.
 * Redrawing conditions the batch on staying finite, a bias towards the controller's tamer samples; it is a setting
 * of its own because it changes GPS's numbers.
 *
 * <p>Holds configuration only; each call builds its own environments, so one sampler may be shared between threads.
 */
public final class TrajectorySampler {

    /** The {@link Seeds#derive} label of the local controllers' noise streams. */
    public static final String CONTROLLER_NOISE = "gps-controller-noise";
    /** The {@link Seeds#derive} label of the global policy's evaluation noise streams. */
    public static final String POLICY_NOISE = "gps-policy-noise";
    /** The {@link Seeds#derive} label of the noise of redrawn diverged samples. */
    public static final String REDRAW_NOISE = "gps-redraw-noise";

    private final FeaturePreset preset;
    private final int horizon;
    private final DivergenceRule divergence;
    private final int threads;
    private final int redraws;

    /** A sampler that fails on a diverged sample (no redraws). */
    public TrajectorySampler(FeaturePreset preset, int horizon, DivergenceRule divergence, int threads) {
        this(preset, horizon, divergence, threads, 0);
    }

    /**
     * @param preset     the state features (gps.md §2)
     * @param horizon    T, time steps per trajectory (40 in Li &amp; Malik)
     * @param divergence when a rollout counts as diverged
     * @param threads    conditions sampled at once by the multi-condition methods, ≥ 1
     * @param redraws    how many times a diverged sample is rolled out again with fresh noise before sampling fails;
     *                   0 fails at once
     */
    public TrajectorySampler(FeaturePreset preset, int horizon, DivergenceRule divergence, int threads,
            int redraws) {
        this.preset = Objects.requireNonNull(preset, "preset");
        this.divergence = Objects.requireNonNull(divergence, "divergence");
        if (horizon < 2) {
            throw new IllegalArgumentException("T must be ≥ 2, got " + horizon);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + threads);
        }
        if (redraws < 0) {
            throw new IllegalArgumentException("redraws must be ≥ 0, got " + redraws);
        }
        this.horizon = horizon;
        this.threads = threads;
        this.redraws = redraws;
    }

    /** T. */
    public int horizon() {
        return horizon;
    }

    /** The seed of condition m's controller noise at GPS iteration {@code iteration}. */
    public static long controllerNoiseSeed(long seed, int iteration, int condition) {
        return Seeds.derive(seed, CONTROLLER_NOISE, iteration, condition);
    }

    /** The seed of condition m's global-policy evaluation noise at GPS iteration {@code iteration}. */
    public static long policyNoiseSeed(long seed, int iteration, int condition) {
        return Seeds.derive(seed, POLICY_NOISE, iteration, condition);
    }

    /**
     * N rollouts of every condition's controller (condition m uses controllers.get(m) and the noise seed
     * {@link #controllerNoiseSeed}(seed, iteration, m)), on the sampler's threads.
     */
    public List<SampleBatch> sample(List<Condition> conditions, List<LinearGaussianController> controllers,
            int samples, long seed, int iteration) {
        if (conditions.size() != controllers.size()) {
            throw new IllegalArgumentException("need one controller per condition, got " + controllers.size()
                    + " controllers for " + conditions.size() + " conditions");
        }
        return ParallelMap.map(conditions.size(), threads, m -> sample(conditions.get(m), controllers.get(m),
                samples, controllerNoiseSeed(seed, iteration, m)));
    }

    /** N rollouts of one condition under u_t = K_t s_t + k_t + L_t ξ_t, with ξ from {@code noiseSeed}. */
    public SampleBatch sample(Condition condition, LinearGaussianController controller, int samples,
            long noiseSeed) {
        Objects.requireNonNull(controller, "controller");
        return rollout(condition, samples, noiseSeed, (t, states, observations, noise, actions) -> {
            for (int n = 0; n < states.length; n++) {
                actions[n][t] = controller.act(states[n][t], t, noise[n][t]);
            }
        }, shape -> {
            if (controller.stateDimension() != shape.dX || controller.actionDimension() != shape.dU
                    || controller.horizon() != horizon) {
                throw new IllegalArgumentException("dimension mismatch: controller has dX = "
                        + controller.stateDimension() + ", dU = " + controller.actionDimension() + ", T = "
                        + controller.horizon() + " but the " + preset.name() + " state of d = " + shape.dU
                        + " has dX = " + shape.dX + ", and the sampler's T = " + horizon);
            }
        });
    }

    /**
     * N rollouts of every condition under the global policy (condition m's noise seed
     * {@link #policyNoiseSeed}(seed, iteration, m)), on the sampler's threads. The policy is queried concurrently.
     */
    public List<SampleBatch> samplePolicy(List<Condition> conditions, Policy policy, int samples,
            long seed, int iteration) {
        return ParallelMap.map(conditions.size(), threads, m -> samplePolicy(conditions.get(m), policy,
                samples, policyNoiseSeed(seed, iteration, m)));
    }

    /** N rollouts of one condition under u_t = μ_θ(o_t) + σ ⊙ ξ_t, with ξ from {@code noiseSeed}. */
    public SampleBatch samplePolicy(Condition condition, Policy policy, int samples, long noiseSeed) {
        Objects.requireNonNull(policy, "policy");
        double[] variance = policy.variance();
        double[] deviation = new double[variance.length];
        for (int j = 0; j < variance.length; j++) {
            if (!(variance[j] >= 0) || !Double.isFinite(variance[j])) {
                throw new IllegalArgumentException("policy variance entry " + j + " must be finite and ≥ 0, got "
                        + variance[j]);
            }
            deviation[j] = Math.sqrt(variance[j]);
        }
        return rollout(condition, samples, noiseSeed, (t, states, observations, noise, actions) -> {
            int count = states.length;
            int dO = observations[0][t].length;
            int dU = deviation.length;
            double[] inputs = new double[count * dO];
            for (int n = 0; n < count; n++) {
                System.arraycopy(observations[n][t], 0, inputs, n * dO, dO);
            }
            double[] means = new double[count * dU];
            policy.mean(inputs, count, means);
            for (int n = 0; n < count; n++) {
                double[] u = new double[dU];
                for (int j = 0; j < dU; j++) {
                    u[j] = means[n * dU + j] + deviation[j] * noise[n][t][j];
                }
                actions[n][t] = u;
            }
        }, shape -> {
            if (policy.inputDimension() != shape.dO || policy.outputDimension() != shape.dU
                    || deviation.length != shape.dU) {
                throw new IllegalArgumentException("dimension mismatch: policy maps " + policy.inputDimension()
                        + " → " + policy.outputDimension() + " with " + deviation.length + " variances, but the "
                        + preset.name() + " observation of d = " + shape.dU + " has dO = " + shape.dO
                        + " and dU = " + shape.dU);
            }
        });
    }

    /** Fills actions[n][t] for every sample n from the already recorded s_t, o_t and ξ_t. */
    @FunctionalInterface
    private interface ActionRule {
        void actions(int t, double[][][] states, double[][][] observations, double[][][] noise, double[][][] actions);
    }

    private record Shape(int dX, int dO, int dU) {
    }

    @FunctionalInterface
    private interface ShapeCheck {
        void check(Shape shape);
    }

    private SampleBatch rollout(Condition condition, int samples, long noiseSeed, ActionRule rule,
            ShapeCheck check) {
        Objects.requireNonNull(condition, "condition");
        if (samples < 1) {
            throw new IllegalArgumentException("sample count N must be ≥ 1, got " + samples);
        }
        Lanes lanes = roll(condition, standardNormal(samples, horizon, condition.dimension(), noiseSeed), rule, check,
                noiseSeed);
        int redrawn = 0;
        for (int attempt = 1; attempt <= redraws && lanes.diverged().length > 0; attempt++) {
            int[] diverged = lanes.diverged();
            Lanes again = roll(condition, standardNormal(diverged.length, horizon, condition.dimension(),
                    Seeds.derive(noiseSeed, REDRAW_NOISE, attempt)), rule, check, noiseSeed);
            for (int k = 0; k < diverged.length; k++) {
                lanes.replace(diverged[k], again, k);
            }
            redrawn += diverged.length;
        }
        int[] diverged = lanes.diverged();
        if (diverged.length > 0) {
            int n = diverged[0];
            throw new IllegalStateException("sample " + n + " of " + condition.problem().formula() + " diverged at step "
                    + lanes.divergedAt[n] + " of T = " + horizon + " (noise seed " + noiseSeed + ") after " + redraws
                    + " redraws; the behaviour policy is unstable on this condition, e.g. too large a gain or variance"
                    + " (GPS training files: divergedSampleRedraws)");
        }
        return new SampleBatch(lanes.states, lanes.observations, lanes.actions, lanes.noise, lanes.costs, noiseSeed,
                redrawn);
    }

    /**
     * Rolls out one lane per noise row; without redraws the first divergence throws at once (nothing more can be
     * done with the batch), with them the diverged lanes are frozen and reported (and the rollout ends early when
     * none is left).
     */
    private Lanes roll(Condition condition, double[][][] noise, ActionRule rule, ShapeCheck check, long noiseSeed) {
        int samples = noise.length;
        L2oEnvironment environment = new L2oEnvironment(preset, horizon, divergence);
        environment.reset(condition, samples);
        int dX = environment.stateDimension();
        int dO = environment.observationDimension();
        int dU = environment.actionDimension();
        check.check(new Shape(dX, dO, dU));
        Lanes lanes = new Lanes(noise, new double[samples][horizon][dX], new double[samples][horizon][dO],
                new double[samples][horizon][], new double[samples][horizon]);
        double[] step = new double[samples * dU];
        for (int t = 0; t < horizon; t++) {
            for (int n = 0; n < samples; n++) {
                environment.state(n, lanes.states[n][t], 0);
                environment.observation(n, lanes.observations[n][t], 0);
                lanes.costs[n][t] = environment.cost(n);
            }
            rule.actions(t, lanes.states, lanes.observations, noise, lanes.actions);
            if (t == horizon - 1) {
                break;
            }
            for (int n = 0; n < samples; n++) {
                System.arraycopy(lanes.actions[n][t], 0, step, n * dU, dU);
            }
            environment.step(step);
            for (int n = 0; n < samples; n++) {
                if (!environment.isActive(n) && lanes.divergedAt[n] < 0) {
                    if (redraws == 0) {
                        throw new IllegalStateException("sample " + n + " of " + condition.problem().formula()
                                + " diverged at step " + environment.divergedAt(n) + " of T = " + horizon
                                + " (noise seed " + noiseSeed + "); the behaviour policy is unstable on this"
                                + " condition, e.g. too large a gain or variance (GPS training files:"
                                + " divergedSampleRedraws)");
                    }
                    lanes.divergedAt[n] = environment.divergedAt(n);
                }
            }
            if (lanes.diverged().length == samples) {
                break;
            }
        }
        return lanes;
    }

    /** The trajectories of a rollout, [n][t][i], and the step each lane diverged at (−1: it did not). */
    private static final class Lanes {
        final double[][][] noise;
        final double[][][] states;
        final double[][][] observations;
        final double[][][] actions;
        final double[][] costs;
        final int[] divergedAt;

        Lanes(double[][][] noise, double[][][] states, double[][][] observations, double[][][] actions,
                double[][] costs) {
            this.noise = noise;
            this.states = states;
            this.observations = observations;
            this.actions = actions;
            this.costs = costs;
            this.divergedAt = new int[noise.length];
            Arrays.fill(divergedAt, -1);
        }

        int[] diverged() {
            return IntStream.range(0, divergedAt.length).filter(n -> divergedAt[n] >= 0).toArray();
        }

        /** Lane n becomes lane k of {@code other}, noise included. */
        void replace(int n, Lanes other, int k) {
            noise[n] = other.noise[k];
            states[n] = other.states[k];
            observations[n] = other.observations[k];
            actions[n] = other.actions[k];
            costs[n] = other.costs[k];
            divergedAt[n] = other.divergedAt[k];
        }
    }

    /** ξ[n][t][j] ~ N(0, 1), drawn in (n, t, j) order from one stream. */
    static double[][][] standardNormal(int samples, int steps, int width, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        double[][][] noise = new double[samples][steps][];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < steps; t++) {
                noise[n][t] = Seeds.gaussian(rng, width);
            }
        }
        return noise;
    }
}
