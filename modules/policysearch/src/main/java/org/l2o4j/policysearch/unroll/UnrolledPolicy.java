package org.l2o4j.policysearch.unroll;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.OptimizationMdp;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MeanGradient;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policysearch.PolicyEstimator;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * Backpropagation through the unrolled optimization for Li &amp; Malik's MLP policy as a {@link GradientEstimator}
 * (policy-search.md; Andrychowicz et al.'s training applied to the feed-forward policy).
 *
 * <p>An epoch optimizes {@code functionsPerEpoch} training functions from their initial points through the
 * optimization MDP with the policy's mean step, x_{t+1} = x_t + μ_θ(o_t), cut into unrolls of K steps; each unroll is a
 * meta-step whose loss is L = (1/n) Σ_i Σ_{t=1..K} f_i(x_t) (divided by f_i(x_0) with {@code relativeCost}), the
 * iterates and feature history carrying over to the next unroll. As in Andrychowicz et al., what enters the policy is
 * an input: the observation o_t (built from gradients, objective changes and past steps) is a constant of the
 * backward pass, so no second derivatives appear, and the loss reaches θ only through the iterates: with x_t =
 * x_{s+1} + Σ later steps, ∂L/∂u_s = (1/n) Σ_{t=s+1..K} ∇f(x_t), which {@link MeanGradient} carries into θ. (Letting the
 * objective-change and step features carry gradient too would differentiate through the feature history; that is
 * not done, and stated in docs/policy-search.md.) A problem that diverges within an unroll makes its loss NaN: the
 * outer loop skips the meta-step and abandons the epoch, as for the recurrent optimizers.
 */
public final class UnrolledPolicy extends PolicyEstimator {

    /** Label of the seed stream of θ₀. */
    public static final String INIT = "mlp-bptt-init";

    private final UnrollSettings settings;
    private final FeaturePreset preset;
    private final List<Problem> functions;
    private final MlpArchitecture architecture;
    private final MeanGradient meanGradient;

    /**
     * @param settings      the settings
     * @param seed          the run's root seed
     * @param functions     the training functions
     * @param parameters    what θ is: the policy's shape, normalization and features
     */
    public UnrolledPolicy(UnrollSettings settings, long seed, List<Problem> functions, PolicyParameters parameters) {
        super(parameters, seed, INIT);
        this.settings = settings;
        this.preset = parameters.preset();
        this.functions = List.copyOf(functions);
        this.architecture = parameters.architecture();
        this.meanGradient = new MeanGradient(architecture);
    }

    @Override
    public int stepsPerEpoch() {
        return settings.horizon() / settings.unrollLength();
    }

    /** The training functions of epoch {@code epoch}: the next {@code functionsPerEpoch}, cycling. */
    List<Problem> functionsOf(long epoch) {
        int m = Math.min(settings.functionsPerEpoch(), functions.size());
        List<Problem> chosen = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            chosen.add(functions.get((int) ((epoch * m + j) % functions.size())));
        }
        return chosen;
    }

    @Override
    public Epoch epoch(long epoch, double[] theta) {
        List<Problem> chosen = functionsOf(epoch);
        OptimizationMdp mdp = new OptimizationMdp(preset, settings.horizon(), DivergenceRule.DEFAULT);
        mdp.reset(chosen, chosen.stream().map(p -> p.initialPoint(0)).toList());
        double[] start = mdp.batch().values().clone();
        long initial = mdp.batch().totalGradientEvaluations();
        return new Epoch() {
            @Override
            public double estimate(double[] parameters, double[] gradient) {
                return unroll(mdp, start, policy(parameters), gradient);
            }

            @Override
            public double finalObjective() {
                ProblemBatch b = mdp.batch();
                double sum = 0;
                for (int i = 0; i < b.size(); i++) {
                    sum += b.isActive(i) ? b.values()[i] : Double.NaN;
                }
                return sum / b.size();
            }

            @Override
            public long problemSteps() {
                return mdp.batch().totalGradientEvaluations() - initial;
            }
        };
    }

    /** One unroll from the MDP's current state; writes ∂L/∂θ and returns L (NaN if a problem diverged). */
    private double unroll(OptimizationMdp mdp, double[] start, GaussianMlpPolicy policy, double[] gradient) {
        ProblemBatch batch = mdp.batch();
        int n = batch.size();
        int d = batch.dimension();
        int dO = architecture.inputDimension();
        int steps = settings.unrollLength();
        double[][] observations = new double[steps][n * dO];
        double[][] gradients = new double[steps][n * d];
        double[] actions = new double[n * d];
        double loss = 0;
        for (int s = 0; s < steps; s++) {
            mdp.observations(observations[s]);
            policy.mean(observations[s], n, actions);
            mdp.step(actions);
            for (int i = 0; i < n; i++) {
                if (!batch.isActive(i)) {
                    return Double.NaN;
                }
                double scale = settings.relativeCost() ? 1 / start[i] : 1;
                loss += scale * batch.values()[i] / n;
                for (int j = 0; j < d; j++) {
                    gradients[s][i * d + j] = scale * batch.gradient()[i * d + j] / n;
                }
            }
        }
        double[] carried = new double[n * d];
        double[] outputGradient = new double[d];
        meanGradient.begin(gradient);
        for (int s = steps - 1; s >= 0; s--) {
            for (int k = 0; k < n * d; k++) {
                carried[k] += gradients[s][k];
            }
            for (int i = 0; i < n; i++) {
                meanGradient.forward(policy, observations[s], i * dO);
                System.arraycopy(carried, i * d, outputGradient, 0, d);
                meanGradient.backward(policy, outputGradient, gradient);
            }
        }
        meanGradient.end(gradient);
        return loss;
    }
}
