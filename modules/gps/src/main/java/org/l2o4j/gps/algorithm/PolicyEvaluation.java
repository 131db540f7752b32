package org.l2o4j.gps.algorithm;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.policy.PolicyStepRule;
import org.l2o4j.policy.Policy;

/**
 * The global policy's GPS objective on a set of conditions: Σ_{t&lt;T} f(x_t) of its mean-action rollout (no noise,
 * the way the learned optimizer is used), averaged over conditions. It runs through core's {@link Rollout} with
 * {@link PolicyStepRule}, so a policy that diverges on a condition is frozen, not thrown, and scores +∞ there.
 */
public final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    /** The mean over conditions of Σ_{t&lt;T} f(x_t) under Δx = μ_θ(o_t); +∞ if any rollout diverged. */
    public static double meanCost(Policy policy, FeaturePreset preset, List<Condition> conditions, int horizon) {
        double[] costs = costs(policy, preset, conditions, horizon);
        double sum = 0;
        for (double c : costs) {
            sum += c;
        }
        return sum / costs.length;
    }

    /** Σ_{t&lt;T} f(x_t) of each condition's mean-action rollout, +∞ where it diverged. */
    public static double[] costs(Policy policy, FeaturePreset preset, List<Condition> conditions, int horizon) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("need at least one condition to evaluate on, got 0");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("T must be ≥ 1, got " + horizon);
        }
        List<Problem> problems = new ArrayList<>(conditions.size());
        List<double[]> starts = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            problems.add(c.problem());
            starts.add(c.initialPoint());
        }
        // T time steps x_0 … x_{T−1} are T − 1 optimizer steps, as in the GPS environment
        RolloutResult result = Rollout.run(PolicyStepRule.optimizer(policy, preset), problems, starts,
                new Rollout.Options(horizon - 1, DivergenceRule.DEFAULT, false), RolloutListener.NONE);
        double[] costs = new double[conditions.size()];
        for (int i = 0; i < costs.length; i++) {
            if (result.divergedAt()[i] >= 0) {
                costs[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double total = 0;
            for (int t = 0; t < horizon; t++) {
                total += result.objective()[i][t];
            }
            costs[i] = total;
        }
        return costs;
    }
}
