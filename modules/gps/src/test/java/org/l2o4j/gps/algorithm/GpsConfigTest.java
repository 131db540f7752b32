package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.gps.dynamics.GmmPriorConfig;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.gps.trajopt.EtaSearchSettings;
import org.l2o4j.gps.trajopt.StepSizeRule;
import org.l2o4j.policy.HiddenActivation;
import org.l2o4j.policy.PolicyRegressionConfig;

/** The defaults are gps.md §6's Li &amp; Malik column; bad values are named. */
class GpsConfigTest {

    @Test
    void defaultsAreLiAndMaliksReleasedConfiguration() {
        GpsConfig c = GpsConfig.liMalik();
        assertEquals(100, c.iterations());
        assertEquals(20, c.samplesPerCondition());
        assertEquals(40, c.horizon());
        assertEquals(0.2, c.klStepPerTimeStep());
        assertEquals(StepSizeRule.liMalik(), c.stepSizeRule());
        assertEquals(0.01, c.stepSizeRule().minStepMultiplier());
        assertEquals(10, c.stepSizeRule().maxStepMultiplier());
        assertEquals(1.0, c.initialEta());
        assertEquals(EtaSearchSettings.liMalik(), c.etaSearch());
        assertEquals(DynamicsConfig.liMalik(), c.dynamics());
        assertEquals(GpsConfig.DynamicsPrior.GMM, c.dynamicsPrior());
        assertEquals(GmmPriorConfig.liMalik(), c.dynamicsGmm());
        assertEquals(PolicyLinearizerConfig.liMalik(), c.linearizer());
        assertEquals(PolicyRegressionConfig.liMalik(), c.regression());
        assertEquals(50, c.hiddenUnits());
        assertEquals(HiddenActivation.SOFTPLUS, c.activation());
        assertEquals(FeaturePreset.releasedCode(), c.preset());
        assertEquals(233, c.preset().stateLayout(4).dimension());
        assertEquals(1.0, c.costScale());
        assertEquals(GpsConfig.InitialController.MOMENTUM_GRID, c.initialController());
        assertEquals(0.01, c.initialActionVariance());
        assertEquals(GpsConfig.Coupling.MDGPS, c.coupling(), "L2O4J's default coupling stays MDGPS");
        assertEquals(GpsConfig.Coupling.BADMM, GpsConfig.liMalikBadmm().coupling());
    }

    @Test
    void badmmDefaultsAreLisValues() {
        BadmmConfig b = GpsConfig.liMalik().badmm();
        assertEquals(4, b.innerIterations());
        assertEquals(0.2, b.dualRate());
        assertEquals(0.0, b.dualGainRate());
        assertEquals(0.01, b.initialPolicyWeight());
        assertEquals(BadmmConfig.PolicyWeightRule.RELATIVE_KL, b.policyWeightRule());
        assertNamed("badmm.innerIterations", () -> new BadmmConfig(0, 0.2, 0, 0.01,
                BadmmConfig.PolicyWeightRule.RELATIVE_KL));
        assertNamed("badmm.initialPolicyWeight", () -> new BadmmConfig(4, 0.2, 0, 0,
                BadmmConfig.PolicyWeightRule.RELATIVE_KL));
        assertNamed("coupling", () -> GpsConfig.builder(GpsConfig.liMalik()).coupling(null).build());
    }

    @Test
    void tinyIsTheSmokeTestBudget() {
        GpsConfig c = GpsConfig.tiny();
        assertEquals(3, c.iterations());
        assertEquals(5, c.samplesPerCondition());
        assertEquals(10, c.horizon());
        assertEquals(29, c.preset().stateLayout(4).dimension());
        assertEquals(4, c.dynamicsGmm().maxClusters());
        assertEquals(500, c.regression().iterationsPerFit());
    }

    @Test
    void builderChangesOneFieldAndValidates() {
        GpsConfig c = GpsConfig.builder(GpsConfig.liMalik()).samplesPerCondition(7).build();
        assertEquals(7, c.samplesPerCondition());
        assertEquals(GpsConfig.builder(GpsConfig.liMalik()).build(), GpsConfig.liMalik());
        assertNamed("samplesPerCondition", () -> GpsConfig.builder(c).samplesPerCondition(1).build());
        assertNamed("horizon", () -> GpsConfig.builder(c).horizon(1).build());
        assertNamed("klStepPerTimeStep", () -> GpsConfig.builder(c).klStepPerTimeStep(-0.2).build());
        assertNamed("threads", () -> GpsConfig.builder(c).threads(0).build());
        assertNamed("initialEta", () -> GpsConfig.builder(c).initialEta(1e-9).build());
        assertNamed("preset", () -> GpsConfig.builder(c).preset(null).build());
        assertNamed("momentum-grid", () -> GpsConfig.builder(c).preset(FeaturePreset.paper(5, false)).build());
    }

    private static void assertNamed(String name, org.junit.jupiter.api.function.Executable build) {
        ConfigException e = assertThrows(ConfigException.class, build);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
