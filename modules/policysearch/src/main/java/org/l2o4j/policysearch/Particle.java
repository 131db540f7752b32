package org.l2o4j.policysearch;

import java.util.List;
import java.util.Map;

import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.StepRule;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.Policy;

/**
 * Li &amp; Malik's learned optimizer in the middle of its episodes on a few training functions, advanced a truncation at
 * a time with whatever policy it is given: the inner state (iterates, feature history) persists between truncations,
 * the policy may change (persistent evolution strategies perturb it per truncation). One particle advanced through a
 * whole episode with one policy is one episode of full-episode evolution strategies.
 *
 * <p>Cost of a step: the mean over the functions of f(x_t) (divided by f(x_0) when {@code relative}); a function whose
 * run diverged ({@link DivergenceRule#DEFAULT}, as in every rollout) is frozen and costs
 * {@code divergedCostFactor · f(x_0)} (or the factor, relative) per step from then on, so that a diverging perturbation
 * is a large finite loss instead of ending the meta-step. Each step of each active function is one problem-step (the
 * batch charges it).
 * Not thread-safe; particles are independent of each other.
 */
public final class Particle {

    private final ProblemBatch batch;
    private final OptimizerState state;
    private final double[] startValue;
    private final double[] startMaxAbs;
    private final boolean relative;
    private final double divergedCostFactor;
    private final long initialEvaluations;
    private Policy policy;

    /**
     * @param preset             the features the policy reads
     * @param functions          the functions this particle optimizes
     * @param starts             their initial points
     * @param relative           whether a step's cost is f(x_t) / f(x_0)
     * @param divergedCostFactor a diverged function's cost per step, in units of f(x_0)
     */
    public Particle(FeaturePreset preset, List<Problem> functions, List<double[]> starts, boolean relative,
            double divergedCostFactor) {
        this.batch = ProblemBatch.startingAt(functions, starts);
        this.relative = relative;
        this.divergedCostFactor = divergedCostFactor;
        int n = batch.size();
        int d = batch.dimension();
        this.startValue = batch.values().clone();
        this.startMaxAbs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                startMaxAbs[i] = Math.max(startMaxAbs[i], Math.abs(batch.x()[i * d + j]));
            }
            if (!(startValue[i] > 0) || !Double.isFinite(startValue[i])) {
                throw new IllegalArgumentException("function " + i + " (" + batch.problem(i).formula() + ") has f(x0) = "
                        + startValue[i] + "; episode costs need a positive finite f(x0)");
            }
        }
        this.initialEvaluations = batch.totalGradientEvaluations();
        StepRule rule = new StepRule() {
            @Override
            public void steps(FeatureLayout layout, int count, double[] observations, double[] actions) {
                policy.mean(observations, count, actions);
            }
        };
        this.state = new FeatureDrivenOptimizer("policy-search-particle", Map.of(), preset, rule)
                .start(batch);
    }

    /**
     * Advances every function {@code steps} steps with the mean step of {@code current}.
     *
     * @return the sum over the steps of the step costs (mean over the functions)
     */
    public double advance(Policy current, int steps) {
        this.policy = current;
        int n = batch.size();
        double total = 0;
        for (int s = 0; s < steps; s++) {
            state.step();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (batch.isActive(i) && DivergenceRule.DEFAULT.diverged(batch, i, startValue[i], startMaxAbs[i])) {
                    batch.deactivate(i);
                }
                double f = batch.isActive(i) ? batch.values()[i] : divergedCostFactor * startValue[i];
                sum += relative ? f / startValue[i] : f;
            }
            total += sum / n;
        }
        return total;
    }

    /** Problem-steps this particle has spent: the evaluations of f and ∇f charged after the start. */
    public long problemSteps() {
        return batch.totalGradientEvaluations() - initialEvaluations;
    }

    /** The mean over the active functions of f at the current iterates; NaN if every function diverged. */
    public double meanObjective() {
        double sum = 0;
        int active = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isActive(i)) {
                sum += batch.values()[i];
                active++;
            }
        }
        return active == 0 ? Double.NaN : sum / active;
    }
}
