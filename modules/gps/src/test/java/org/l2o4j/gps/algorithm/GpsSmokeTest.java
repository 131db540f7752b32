package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.policy.GaussianMlpPolicy;

/**
 * gps.md §8 test 18, on Li &amp; Malik's logistic regression instead of 2-D bowls: 4 conditions, N = 5, T = 10,
 * {@code paper} features with H = 5, GMMs of 2–4 clusters, 500 S-step iterations ({@link GpsConfig#tiny()}), 4
 * iterations of each coupling; a few seconds.
 */
class GpsSmokeTest {

    @Test
    void mdgpsImprovesOnTheMomentumControllersItStartsFrom() {
        List<Condition> conditions = TinyRuns.logisticConditions(0, 4);
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).iterations(4).build();
        List<IterationRecord> records = new ArrayList<>();
        GuidedPolicySearch.Result result = new GuidedPolicySearch(config, conditions).train(records::add);

        assertEquals(4, records.size());
        for (IterationRecord r : records) {
            assertTrue(Double.isFinite(r.meanSampleCost()) && Double.isFinite(r.meanPolicyCost())
                    && Double.isFinite(r.meanKlNats()) && r.meanEta() > 0, r.toString());
            assertTrue(r.seconds().total() > 0, r.toString());
        }
        double firstSamples = records.get(0).meanSampleCost();
        double lastSamples = records.get(records.size() - 1).meanSampleCost();
        assertTrue(lastSamples < firstSamples, "the local controllers' sample cost must fall: " + firstSamples
                + " → " + lastSamples);

        double momentumCost = momentumCost(config, conditions);
        GaussianMlpPolicy untrained = GaussianMlpPolicy.initialize(result.policy().architecture(),
                Seeds.derive(config.seed(), GuidedPolicySearch.POLICY_INIT_SEED));
        double untrainedCost = PolicyEvaluation.meanCost(untrained, config.preset(), conditions, config.horizon());
        double trainedCost = PolicyEvaluation.meanCost(result.policy(), config.preset(), conditions,
                config.horizon());
        assertEquals(records.get(records.size() - 1).meanPolicyCost(), trainedCost,
                "the record's policy cost is the mean-action evaluation of the final policy");
        System.out.printf("smoke: samples %.6f -> %.6f, policy after iteration 0 %.6f, final %.6f,"
                + " momentum controllers (noiseless) %.6f, untrained policy %.6f%n", firstSamples, lastSamples,
                records.get(0).meanPolicyCost(), trainedCost, momentumCost, untrainedCost);
        assertTrue(trainedCost < untrainedCost, "trained " + trainedCost + " vs untrained " + untrainedCost);
        assertTrue(trainedCost < momentumCost, "trained " + trainedCost + " vs momentum " + momentumCost);
    }

    @Test
    void badmmImprovesOnTheMomentumControllersAndTheUntrainedPolicy() {
        List<Condition> conditions = TinyRuns.logisticConditions(0, 4);
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).iterations(4)
                .coupling(GpsConfig.Coupling.BADMM).build();
        List<IterationRecord> records = new ArrayList<>();
        GuidedPolicySearch.Result result = new GuidedPolicySearch(config, conditions).train(records::add);

        assertEquals(4, records.size());
        for (IterationRecord r : records) {
            assertTrue(Double.isFinite(r.meanSampleCost()) && Double.isFinite(r.meanPolicyCost())
                    && Double.isFinite(r.meanKlNats()) && r.meanEta() > 0, r.toString());
        }
        for (ConditionState s : result.states()) {
            assertNotNull(s.duals(), "BADMM states carry their duals");
        }
        double firstSamples = records.get(0).meanSampleCost();
        double lastSamples = records.get(records.size() - 1).meanSampleCost();
        assertTrue(lastSamples < firstSamples, "the local controllers' sample cost must fall: " + firstSamples
                + " → " + lastSamples);
        double momentumCost = momentumCost(config, conditions);
        GaussianMlpPolicy untrained = GaussianMlpPolicy.initialize(result.policy().architecture(),
                Seeds.derive(config.seed(), GuidedPolicySearch.POLICY_INIT_SEED));
        double untrainedCost = PolicyEvaluation.meanCost(untrained, config.preset(), conditions, config.horizon());
        double trainedCost = PolicyEvaluation.meanCost(result.policy(), config.preset(), conditions,
                config.horizon());
        System.out.printf("smoke (BADMM): samples %.6f -> %.6f, policy after iteration 0 %.6f, final %.6f,"
                + " momentum controllers (noiseless) %.6f, untrained policy %.6f%n", firstSamples, lastSamples,
                records.get(0).meanPolicyCost(), trainedCost, momentumCost, untrainedCost);
        assertTrue(trainedCost < untrainedCost, "trained " + trainedCost + " vs untrained " + untrainedCost);
        assertTrue(trainedCost < momentumCost, "trained " + trainedCost + " vs momentum " + momentumCost);
    }

    private static double momentumCost(GpsConfig config, List<Condition> conditions) {
        MomentumGridInitializer momentum = new MomentumGridInitializer(config.preset(), config.horizon(),
                MomentumGridInitializer.LI_MALIK_MOMENTA, MomentumGridInitializer.LI_MALIK_STEP_SIZES,
                config.initialActionVariance(), DivergenceRule.DEFAULT);
        double total = 0;
        for (Condition c : conditions) {
            total += TinyRuns.noiselessCost(config.preset(), config.horizon(), c, momentum.initialController(c));
        }
        return total / conditions.size();
    }
}
