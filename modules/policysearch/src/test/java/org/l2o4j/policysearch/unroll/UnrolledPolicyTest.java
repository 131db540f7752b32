package org.l2o4j.policysearch.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.OptimizationMdp;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;

/**
 * The meta-gradient of one unroll against central finite differences of the same loss with the observations frozen
 * at the ones the unroll saw (the estimator's definition: what enters the policy is an input, no second derivatives):
 * L̃(θ) = (1/n) Σ_i Σ_{t=1..K} f_i(x_t)/f_i(x_0), x_{t+1} = x_t + μ_θ(ô_t).
 */
class UnrolledPolicyTest {

    private static final List<Problem> FUNCTIONS = Catalog.family("logistic-regression", Map.of())
            .problems("train", 8).subList(0, 2);

    @Test
    void metaGradientMatchesFiniteDifferencesWithFrozenObservations() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", "paper");
        m.put("historyLength", 2);
        m.put("hiddenUnits", 3);
        m.put("horizon", 6);
        m.put("unrollLength", 3);
        m.put("functionsPerEpoch", 2);
        UnrollSettings s = Configs.bind(m, UnrollSettings.DEFAULTS, "test");
        PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), FUNCTIONS, s.hiddenUnits());
        UnrolledPolicy estimator = new UnrolledPolicy(s, 8, FUNCTIONS, PolicyParameters.fitted(episodes, 1.0,
                "test"));
        double[] theta = estimator.initialParameters();
        RandomGenerator rng = Seeds.rng(3);
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.2 * rng.nextGaussian();
        }
        double[] gradient = new double[theta.length];
        double loss = estimator.epoch(0, theta).estimate(theta, gradient);

        int n = FUNCTIONS.size();
        int d = FUNCTIONS.get(0).dimension();
        int dO = episodes.architecture().inputDimension();
        double[][] frozen = new double[3][n * dO];
        OptimizationMdp mdp = new OptimizationMdp(s.featurePreset(), s.horizon(), DivergenceRule.DEFAULT);
        mdp.reset(FUNCTIONS, FUNCTIONS.stream().map(p -> p.initialPoint(0)).toList());
        double[] actions = new double[n * d];
        for (int t = 0; t < 3; t++) {
            mdp.observations(frozen[t]);
            estimator.policy(theta).mean(frozen[t], n, actions);
            mdp.step(actions);
        }
        assertEquals(loss, frozenLoss(estimator, theta, frozen), 1e-12 * Math.abs(loss));
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (frozenLoss(estimator, up, frozen) - frozenLoss(estimator, down, frozen)) / (2 * h);
            assertEquals(fd, gradient[k], 1e-6 * Math.max(1, Math.abs(fd)), "θ[" + k + "]");
        }
    }

    private static double frozenLoss(UnrolledPolicy estimator, double[] theta, double[][] frozen) {
        GaussianMlpPolicy policy = estimator.policy(theta);
        int n = FUNCTIONS.size();
        int d = FUNCTIONS.get(0).dimension();
        double loss = 0;
        double[] steps = new double[n * d];
        double[][] x = new double[n][];
        double[] f0 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = FUNCTIONS.get(i).initialPoint(0);
            f0[i] = FUNCTIONS.get(i).value(x[i]);
        }
        for (double[] observations : frozen) {
            policy.mean(observations, n, steps);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] += steps[i * d + j];
                }
                loss += FUNCTIONS.get(i).value(x[i]) / f0[i] / n;
            }
        }
        return loss;
    }
}
