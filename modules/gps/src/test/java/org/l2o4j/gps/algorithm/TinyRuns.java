package org.l2o4j.gps.algorithm;

import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;

/** Logistic-regression conditions for the algorithm tests (Li &amp; Malik's family, d = 4). */
final class TinyRuns {

    private TinyRuns() {
    }

    /** {@code count} conditions, problems {@code first}, {@code first + 1}, … of the default family. */
    static List<Condition> logisticConditions(int first, int count) {
        LogisticRegressionFamily family = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS);
        List<Condition> conditions = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            conditions.add(Condition.of(family.sample(i)));
        }
        return conditions;
    }

    /**
     * Σ_{t<T} f(x_t) of a controller's noiseless run (u_t = K_t s_t + k_t) from the condition's initial point: the
     * same quantity {@link PolicyEvaluation} reports for the global policy's mean action.
     */
    static double noiselessCost(FeaturePreset preset, int horizon, Condition condition,
            LinearGaussianController controller) {
        L2oEnvironment environment = new L2oEnvironment(preset, horizon, DivergenceRule.DEFAULT);
        environment.reset(condition, 1);
        double[] state = new double[environment.stateDimension()];
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            total += environment.cost(0);
            if (t == horizon - 1) {
                break;
            }
            environment.state(0, state, 0);
            environment.step(controller.meanAction(state, t));
        }
        return total;
    }
}
