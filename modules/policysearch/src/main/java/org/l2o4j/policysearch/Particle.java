package org.l2o4j.policysearch;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeatureHistory;
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
 * Not thread-safe; particles are independent of each other. A particle's {@link State} can travel: a unit that
 * advances it on another machine takes the state in and hands the new one back ({@link ParticleSpec}).
 */
public final class Particle {

    private final ProblemBatch batch;
    private final FeatureHistory history;
    private final OptimizerState state;
    private final double[] startValue;
    private final double[] startMaxAbs;
    private final boolean relative;
    private final double divergedCostFactor;
    private final long initialEvaluations;
    private Policy policy;

    /**
     * A particle at the start of its episodes.
     *
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
        this.history = new FeatureHistory(preset, n, d);
        history.resetAll(batch);
        this.state = stepper(preset);
    }

    private Particle(FeaturePreset preset, List<Problem> functions, State saved, boolean relative,
            double divergedCostFactor) {
        this.batch = ProblemBatch.restore(functions, saved.batch());
        this.relative = relative;
        this.divergedCostFactor = divergedCostFactor;
        if (saved.startValue().length != batch.size() || saved.startMaxAbs().length != batch.size()) {
            throw new IllegalArgumentException("the particle state is not one of " + batch.size() + " functions");
        }
        this.startValue = saved.startValue().clone();
        this.startMaxAbs = saved.startMaxAbs().clone();
        this.initialEvaluations = saved.initialEvaluations();
        this.history = new FeatureHistory(preset, batch.size(), batch.dimension());
        history.restore(saved.history());
        this.state = stepper(preset);
    }

    /** The learned optimizer's iterations on this particle's batch and history, with whatever policy is current. */
    private OptimizerState stepper(FeaturePreset preset) {
        StepRule rule = new StepRule() {
            @Override
            public void steps(FeatureLayout layout, int count, double[] observations, double[] actions) {
                policy.mean(observations, count, actions);
            }
        };
        return new FeatureDrivenOptimizer("policy-search-particle", Map.of(), preset, rule).start(batch, history);
    }

    /**
     * A particle's inner state between truncations as plain data (iterates, feature histories, evaluation counts and
     * the starts its costs are measured against), without its functions: what persistent evolution strategies carry
     * into a unit and back out, so that the particle can advance on any machine ({@link #resume}).
     *
     * @param batch              the functions' iterates, values, gradients and counters
     * @param history            the feature histories
     * @param startValue         f(x_0) per function
     * @param startMaxAbs        max |x_0| per function (the divergence rule's scale)
     * @param initialEvaluations the gradient evaluations charged before the first step
     */
    public record State(ProblemBatch.Snapshot batch, FeatureHistory.Snapshot history, double[] startValue,
            double[] startMaxAbs, long initialEvaluations) implements Serializable {
    }

    /** The particle's state now (copies). */
    public State state() {
        return new State(batch.snapshot(), history.snapshot(), startValue.clone(), startMaxAbs.clone(),
                initialEvaluations);
    }

    /**
     * The particle whose {@link #state} this was, on the same functions (in the same order) with the same settings:
     * it goes on exactly as the original would have.
     */
    public static Particle resume(FeaturePreset preset, List<Problem> functions, State state, boolean relative,
            double divergedCostFactor) {
        return new Particle(preset, functions, state, relative, divergedCostFactor);
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
