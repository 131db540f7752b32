package org.l2o4j.policysearch.ppo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.training.gradient.MetaAdam;
import org.l2o4j.policy.GaussianLikelihood;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.HiddenActivation;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.MeanGradient;
import org.l2o4j.policy.MlpArchitecture;

/**
 * Proximal policy optimization (Schulman et al. 2017, "Proximal Policy Optimization Algorithms", Algorithm 1 with the
 * clipped surrogate of Eq. 7) of a Gaussian policy on a {@link BatchEnvironment}, as policy-search.md specifies it.
 *
 * <p>One iteration: run {@code episodes} episodes with actions u = μ_θ(o) + σ ⊙ ε (σ = exp(s), s learned, ε from the
 * stream of (seed, iteration)); fit nothing yet, but compute for every step the value V_φ(o, t/T) of a softplus MLP,
 * the advantages by GAE(γ = 1, λ) over the finite horizon (the value after the last step, or after an episode ended
 * early, is 0) and the returns R_t = A_t + V(s_t); standardize the advantages over the batch; then for {@code epochs}
 * passes over the batch in shuffled minibatches, one Adam step of (θ, s) on −mean min(r_t A_t, clip(r_t, 1 ± ε) A_t)
 * with r_t = π_new(u_t | o_t)/π_old(u_t | o_t), and one Adam step of φ on mean (V_φ − R_t)². The log-likelihood's
 * gradient is {@link GaussianLikelihood}'s, through the mean by {@link MeanGradient}.
 *
 * <p>Deterministic: every draw depends on (seed, iteration, epoch) only. The state between iterations is θ, s, φ and
 * the two Adams' moments ({@link #state()}, {@link #restore}).
 */
public final class Ppo {

    /**
     * The algorithm's settings.
     *
     * @param episodes          episodes per iteration
     * @param epochs            passes over each batch
     * @param minibatch         transitions per gradient step
     * @param clipRatio         ε of the clipped surrogate
     * @param gaeLambda         λ of GAE
     * @param learningRate      Adam's step on (θ, s)
     * @param valueLearningRate Adam's step on φ
     * @param valueHiddenUnits  the value network's hidden softplus units
     */
    public record Settings(int episodes, int epochs, int minibatch, double clipRatio, double gaeLambda,
            double learningRate, double valueLearningRate, int valueHiddenUnits) {
        public Settings {
            Checks.positive("episodes", episodes);
            Checks.positive("epochs", epochs);
            Checks.positive("minibatch", minibatch);
            Checks.between("clipRatio", clipRatio, 0, 1);
            Checks.between("gaeLambda", gaeLambda, 0, 1);
            Checks.positive("learningRate", learningRate);
            Checks.positive("valueLearningRate", valueLearningRate);
            Checks.positive("valueHiddenUnits", valueHiddenUnits);
        }
    }

    /**
     * What an iteration did.
     *
     * @param meanReturn   the mean over episodes of the summed rewards
     * @param policyLoss   the mean clipped-surrogate loss over the minibatch steps
     * @param valueLoss    the mean squared value error over the minibatch steps
     * @param meanStd      the mean of σ after the iteration
     * @param transitions  steps collected
     */
    public record Stats(double meanReturn, double policyLoss, double valueLoss, double meanStd, int transitions) {
    }

    /**
     * The state carried between iterations.
     *
     * @param policy       θ
     * @param logStd       s
     * @param value        φ
     * @param policyAdam   Adam's step count and moments for (θ, s)
     * @param valueAdam    Adam's step count and moments for φ
     */
    public record State(double[] policy, double[] logStd, double[] value, AdamState policyAdam,
            AdamState valueAdam) {
    }

    /**
     * An Adam's state.
     *
     * @param steps        the step count
     * @param firstMoment  m
     * @param secondMoment v
     */
    public record AdamState(long steps, double[] firstMoment, double[] secondMoment) {
    }

    private final BatchEnvironment environment;
    private final Settings settings;
    private final long seed;
    private final GaussianMlpPolicy policy;
    private final GaussianMlpPolicy value;
    private final MeanGradient policyGradient;
    private final MeanGradient valueGradient;
    private final MetaAdam policyAdam;
    private final MetaAdam valueAdam;

    /**
     * @param environment the environment
     * @param settings    the settings
     * @param seed        the root of every stream (initial weights, episodes, actions, minibatches)
     * @param initial     the policy to start from (its architecture, normalization, θ and s); copied
     */
    public Ppo(BatchEnvironment environment, Settings settings, long seed, GaussianMlpPolicy initial) {
        this.environment = environment;
        this.settings = settings;
        this.seed = seed;
        this.policy = initial.copy();
        MlpArchitecture a = initial.architecture();
        if (a.inputDimension() != environment.observationDimension()
                || a.outputDimension() != environment.actionDimension()) {
            throw new IllegalArgumentException("dimension mismatch: the policy maps " + a.inputDimension() + " → "
                    + a.outputDimension() + ", the environment has dO = " + environment.observationDimension()
                    + " and dU = " + environment.actionDimension());
        }
        MlpArchitecture valueShape = valueShape(a, settings.valueHiddenUnits());
        InputNormalization n = initial.normalization();
        double[] mean = Arrays.copyOf(n.mean(), a.inputDimension() + 1);
        double[] std = Arrays.copyOf(n.std(), a.inputDimension() + 1);
        // t/T lies in [0, 1): centred and scaled like a uniform variable
        mean[a.inputDimension()] = 0.5;
        std[a.inputDimension()] = Math.sqrt(1.0 / 12);
        GaussianMlpPolicy v = GaussianMlpPolicy.initialize(valueShape, Seeds.derive(seed, "ppo-value-init"));
        v.setNormalization(InputNormalization.of(mean, std, true));
        this.value = v;
        this.policyGradient = new MeanGradient(a);
        this.valueGradient = new MeanGradient(valueShape);
        this.policyAdam = new MetaAdam(a.parameterCount() + a.outputDimension(), settings.learningRate(), 0.9,
                0.999, 1e-8);
        this.valueAdam = new MetaAdam(valueShape.parameterCount(), settings.valueLearningRate(), 0.9, 0.999, 1e-8);
    }

    /** The value network's shape for a policy of shape {@code policy}: the policy's inputs and t/T, one output. */
    static MlpArchitecture valueShape(MlpArchitecture policy, int valueHiddenUnits) {
        return new MlpArchitecture(policy.inputDimension() + 1, valueHiddenUnits, 1, HiddenActivation.SOFTPLUS);
    }

    /** The current policy (a copy). */
    public GaussianMlpPolicy policy() {
        return policy.copy();
    }

    /** θ, s, φ and the Adams' state. */
    public State state() {
        return new State(policy.parameters(), policy.logStd(), value.parameters(),
                new AdamState(policyAdam.steps(), policyAdam.firstMoment(), policyAdam.secondMoment()),
                new AdamState(valueAdam.steps(), valueAdam.firstMoment(), valueAdam.secondMoment()));
    }

    /** Continues from a saved state. */
    public void restore(State state) {
        policy.setParameters(state.policy());
        policy.setLogStd(state.logStd());
        value.setParameters(state.value());
        policyAdam.restore(state.policyAdam().steps(), state.policyAdam().firstMoment(),
                state.policyAdam().secondMoment());
        valueAdam.restore(state.valueAdam().steps(), state.valueAdam().firstMoment(),
                state.valueAdam().secondMoment());
    }

    /** One iteration: collect a batch, then the PPO updates. */
    public Stats iterate(long iteration) {
        int n = settings.episodes();
        int horizon = environment.horizon();
        int dO = environment.observationDimension();
        int dU = environment.actionDimension();
        environment.reset(n, Seeds.derive(seed, "ppo-episodes", iteration));
        RandomGenerator noise = Seeds.rng(Seeds.derive(seed, "ppo-actions", iteration));
        double[] logStd = policy.logStd();
        double[][] observations = new double[horizon][n * dO];
        double[][] valueInputs = new double[horizon][n * (dO + 1)];
        double[][] actions = new double[horizon][n * dU];
        double[][] oldLogDensity = new double[horizon][n];
        double[][] rewards = new double[horizon][n];
        boolean[][] active = new boolean[horizon][n];
        double[] means = new double[n * dU];
        for (int t = 0; t < horizon; t++) {
            environment.observations(observations[t]);
            policy.mean(observations[t], n, means);
            for (int i = 0; i < n; i++) {
                active[t][i] = environment.isActive(i);
                for (int k = 0; k < dU; k++) {
                    actions[t][i * dU + k] = means[i * dU + k] + Math.exp(logStd[k]) * noise.nextGaussian();
                }
                oldLogDensity[t][i] = GaussianLikelihood.logDensity(actions[t], i * dU, means, i * dU, logStd);
                System.arraycopy(observations[t], i * dO, valueInputs[t], i * (dO + 1), dO);
                valueInputs[t][i * (dO + 1) + dO] = (double) t / horizon;
            }
            environment.step(actions[t], rewards[t]);
        }
        double[][] values = new double[horizon][n];
        double[] out = new double[n];
        for (int t = 0; t < horizon; t++) {
            value.mean(valueInputs[t], n, out);
            System.arraycopy(out, 0, values[t], 0, n);
        }
        double[][] advantages = new double[horizon][n];
        double[][] returns = new double[horizon][n];
        double returnSum = 0;
        for (int i = 0; i < n; i++) {
            double next = 0;
            double gae = 0;
            for (int t = horizon - 1; t >= 0; t--) {
                if (!active[t][i]) {
                    continue;
                }
                boolean continues = t + 1 < horizon && active[t + 1][i];
                double nextValue = continues ? next : 0;
                double delta = rewards[t][i] + nextValue - values[t][i];
                gae = delta + (continues ? settings.gaeLambda() * gae : 0);
                advantages[t][i] = gae;
                returns[t][i] = gae + values[t][i];
                next = values[t][i];
                returnSum += rewards[t][i];
            }
        }
        List<int[]> transitions = new ArrayList<>();
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < n; i++) {
                if (active[t][i]) {
                    transitions.add(new int[] {t, i});
                }
            }
        }
        standardize(advantages, transitions);
        double policyLoss = 0;
        double valueLoss = 0;
        int updates = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            int[] order = Seeds.permutation(transitions.size(), Seeds.derive(seed, "ppo-minibatches", iteration, epoch));
            for (int from = 0; from < order.length; from += settings.minibatch()) {
                int to = Math.min(order.length, from + settings.minibatch());
                policyLoss += policyStep(order, from, to, transitions, observations, actions, oldLogDensity,
                        advantages);
                valueLoss += valueStep(order, from, to, transitions, valueInputs, returns);
                updates++;
            }
        }
        double meanStd = 0;
        for (double s : policy.logStd()) {
            meanStd += Math.exp(s) / dU;
        }
        return new Stats(returnSum / n, policyLoss / Math.max(1, updates), valueLoss / Math.max(1, updates), meanStd,
                transitions.size());
    }

    private double policyStep(int[] order, int from, int to, List<int[]> transitions, double[][] observations,
            double[][] actions, double[][] oldLogDensity, double[][] advantages) {
        MlpArchitecture a = policy.architecture();
        int dO = a.inputDimension();
        int dU = a.outputDimension();
        double[] logStd = policy.logStd();
        double[] gradient = new double[a.parameterCount()];
        double[] logStdGradient = new double[dU];
        double[] meanGradient = new double[dU];
        double count = to - from;
        double loss = 0;
        policyGradient.begin(gradient);
        for (int b = from; b < to; b++) {
            int[] tr = transitions.get(order[b]);
            int t = tr[0];
            int i = tr[1];
            double[] mean = policyGradient.forward(policy, observations[t], i * dO);
            double ratio = Math.exp(GaussianLikelihood.logDensity(actions[t], i * dU, mean, 0, logStd)
                    - oldLogDensity[t][i]);
            double advantage = advantages[t][i];
            double clipped = Math.max(1 - settings.clipRatio(), Math.min(1 + settings.clipRatio(), ratio));
            loss -= Math.min(ratio * advantage, clipped * advantage) / count;
            Arrays.fill(meanGradient, 0);
            // the unclipped term is the minimum exactly when the clip does not bind; the clipped one has no gradient
            if (ratio * advantage <= clipped * advantage) {
                GaussianLikelihood.addGradient(actions[t], i * dU, mean, 0, logStd, -advantage * ratio / count,
                        meanGradient, 0, logStdGradient);
            }
            policyGradient.backward(policy, meanGradient, gradient);
        }
        policyGradient.end(gradient);
        double[] parameters = concat(policy.parameters(), logStd);
        policyAdam.step(parameters, concat(gradient, logStdGradient));
        policy.setParameters(Arrays.copyOf(parameters, a.parameterCount()));
        policy.setLogStd(Arrays.copyOfRange(parameters, a.parameterCount(), parameters.length));
        return loss;
    }

    private double valueStep(int[] order, int from, int to, List<int[]> transitions, double[][] valueInputs,
            double[][] returns) {
        MlpArchitecture a = value.architecture();
        int in = a.inputDimension();
        double[] gradient = new double[a.parameterCount()];
        double[] outputGradient = new double[1];
        double count = to - from;
        double loss = 0;
        valueGradient.begin(gradient);
        for (int b = from; b < to; b++) {
            int[] tr = transitions.get(order[b]);
            double error = valueGradient.forward(value, valueInputs[tr[0]], tr[1] * in)[0] - returns[tr[0]][tr[1]];
            loss += error * error / count;
            outputGradient[0] = 2 * error / count;
            valueGradient.backward(value, outputGradient, gradient);
        }
        valueGradient.end(gradient);
        double[] phi = value.parameters();
        valueAdam.step(phi, gradient);
        value.setParameters(phi);
        return loss;
    }

    /** Advantages standardized over the batch (mean 0, standard deviation 1), a standard PPO practice. */
    private static void standardize(double[][] advantages, List<int[]> transitions) {
        if (transitions.size() < 2) {
            return;
        }
        double mean = 0;
        for (int[] tr : transitions) {
            mean += advantages[tr[0]][tr[1]] / transitions.size();
        }
        double variance = 0;
        for (int[] tr : transitions) {
            double d = advantages[tr[0]][tr[1]] - mean;
            variance += d * d / transitions.size();
        }
        double std = Math.sqrt(variance) + 1e-8;
        for (int[] tr : transitions) {
            advantages[tr[0]][tr[1]] = (advantages[tr[0]][tr[1]] - mean) / std;
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
