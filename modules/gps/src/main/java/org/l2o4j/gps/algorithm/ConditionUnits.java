package org.l2o4j.gps.algorithm;

import java.io.Serializable;
import java.util.List;

import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.cost.CostQuadraticizer;
import org.l2o4j.gps.dynamics.DynamicsEstimator;
import org.l2o4j.gps.env.ConditionSource;
import org.l2o4j.gps.env.L2oEnvironment;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;
import org.l2o4j.gps.policy.PolicyLinearizer;
import org.l2o4j.gps.sampling.SampleBatch;
import org.l2o4j.gps.sampling.TrajectorySampler;
import org.l2o4j.gps.trajopt.AugmentedCostBuilder;
import org.l2o4j.gps.trajopt.EtaSearchSettings;
import org.l2o4j.gps.trajopt.LqgKlTrajectoryOptimizer;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.gps.trajopt.TrajectoryOptimizationResult;
import org.l2o4j.policy.GaussianMlpPolicy;

/**
 * The per-condition phases of a GPS iteration as engine units ({@code GpsCore} runs one round per phase). Each unit
 * carries plain data: the condition as a {@link ConditionSource} and an index (rebuilt where the unit runs), the
 * controller, batch or models it works on, and the condition's stateful estimator or linearizer, whose GMM prior it
 * updates and hands back in its result; the driver keeps the returned one. On the local engine nothing is copied, so
 * the returned object is the one sent; on a cluster it is the updated copy, which continues bit for bit
 * ({@code GmmPrior}'s serialization), so every engine gives the same iteration.
 */
final class ConditionUnits {

    private ConditionUnits() {
    }

    /**
     * N rollouts of condition {@code condition}'s local controller with the given noise stream (gps.md §4.1), a
     * diverged one drawn again up to {@code redraws} times.
     */
    record Sample(ConditionSource source, int condition, FeaturePreset preset, int horizon, int samples,
            LinearGaussianController controller, long noiseSeed, int redraws) implements Unit<SampleBatch> {

        @Override
        public String name() {
            return "GPS sampling, condition " + condition;
        }

        @Override
        public SampleBatch run() {
            return new TrajectorySampler(preset, horizon, DivergenceRule.DEFAULT, 1, redraws).sample(
                    source.conditions().get(condition), controller, samples, noiseSeed);
        }
    }

    /**
     * The cost model of a batch (gps.md §4.2) and the dynamics fit with its prior updated (§4.3–4.4).
     *
     * @param psdHessian project ∇²f onto the PSD cone ({@link GpsConfig.CostHessian#PSD})
     */
    record Fit(ConditionSource source, int condition, FeaturePreset preset, double costScale, boolean psdHessian,
            SampleBatch batch, DynamicsEstimator fitter) implements Unit<Fitted> {

        @Override
        public String name() {
            return "GPS dynamics fit, condition " + condition;
        }

        @Override
        public Fitted run() {
            TwiceDifferentiable objective = (TwiceDifferentiable) source.conditions().get(condition).problem();
            QuadraticCost cost = CostQuadraticizer.quadraticize(L2oEnvironment.objectiveValueCost(preset, objective,
                    costScale, psdHessian), List.of(batch.states()), List.of(batch.actions()));
            fitter.updatePrior(batch.states(), batch.actions());
            LinearGaussianDynamics dynamics = fitter.fit(batch.states(), batch.actions()).toLinearGaussianDynamics();
            return new Fitted(new GpsCore.Models(cost, dynamics), fitter);
        }
    }

    /** A {@link Fit}'s result: the models and the estimator with its prior updated. */
    record Fitted(GpsCore.Models models, DynamicsEstimator fitter) implements Serializable {
    }

    /**
     * π̄ of the policy on a batch (gps.md §4.9); {@code refitPrior} first refits the linearizer's policy prior on the
     * batch.
     */
    record Linearize(int condition, SampleBatch batch, GaussianMlpPolicy policy, PolicyLinearizer linearizer,
            boolean refitPrior) implements Unit<Linearized> {

        @Override
        public String name() {
            return "GPS policy linearization, condition " + condition;
        }

        @Override
        public Linearized run() {
            if (refitPrior) {
                linearizer.updatePrior(batch, policy);
            }
            return new Linearized(linearizer.linearize(batch, policy), linearizer);
        }
    }

    /** A {@link Linearize}'s result: π̄ and the linearizer with its prior as it now stands. */
    record Linearized(LinearGaussianController linearized, PolicyLinearizer linearizer) implements Serializable {
    }

    /**
     * The KL-constrained LQG C-step of one condition (gps.md §4.5–4.8), η search warm-started at {@code eta}; the
     * augmented cost is built here from its inputs, which are a fraction of its size.
     */
    record CStep(int condition, LinearGaussianDynamics dynamics, AugmentedCostBuilder.Inputs cost,
            EtaSearchSettings etaSearch, double klStepPerTimeStep, double stepMultiplier, int horizon, double eta)
            implements Unit<TrajectoryOptimizationResult> {

        @Override
        public String name() {
            return "GPS C-step, condition " + condition;
        }

        @Override
        public TrajectoryOptimizationResult run() {
            return new LqgKlTrajectoryOptimizer(etaSearch).optimize(dynamics, cost.build(),
                    StepSizeRule.klBudgetNats(klStepPerTimeStep, stepMultiplier, horizon), eta).withoutMarginals();
        }
    }
}
