package org.l2o4j.gps.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeatureLayout;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.core.testkit.DiagonalQuadratic;
import org.l2o4j.gps.cost.CostDerivatives;
import org.l2o4j.gps.cost.ObjectiveValueCost;
import org.l2o4j.problems.limalik.LogisticRegression;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;

/** gps.md §8 test 13, environment part: dimensions, observation = state without x, cost = f(x_t), horizon. */
class L2oEnvironmentTest {

    static Condition logisticCondition(long seed) {
        return Condition.of(new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(seed));
    }

    @Test
    void releasedCodeStateHasLiMaliksDimensions() {
        L2oEnvironment environment = new L2oEnvironment(FeaturePreset.releasedCode(), 40, DivergenceRule.DEFAULT);
        environment.reset(logisticCondition(1), 3);
        assertEquals(233, environment.stateDimension());
        assertEquals(229, environment.observationDimension());
        assertEquals(4, environment.actionDimension());
        assertEquals(3, environment.laneCount());
    }

    @Test
    void observationIsTheStateWithoutXAndCostIsTheObjective() {
        for (FeaturePreset preset : List.of(FeaturePreset.paper(), FeaturePreset.releasedCode(5))) {
            Condition condition = logisticCondition(2);
            L2oEnvironment environment = new L2oEnvironment(preset, 8, DivergenceRule.DEFAULT);
            environment.reset(List.of(condition, logisticCondition(3)));
            int dX = environment.stateDimension();
            int d = environment.actionDimension();
            FeatureLayout.Block x = environment.stateLayout().block(FeatureLayout.X);
            double[] steps = new double[2 * d];
            for (int t = 0; t < 8; t++) {
                assertEquals(t, environment.time());
                for (int lane = 0; lane < 2; lane++) {
                    double[] state = new double[dX];
                    double[] observation = new double[environment.observationDimension()];
                    environment.state(lane, state, 0);
                    environment.observation(lane, observation, 0);
                    double[] withoutX = new double[dX - d];
                    System.arraycopy(state, 0, withoutX, 0, x.offset());
                    System.arraycopy(state, x.offset() + d, withoutX, x.offset(), dX - x.offset() - d);
                    assertArrayEquals(withoutX, observation, preset.name() + " t = " + t);
                    double[] iterate = Arrays.copyOfRange(state, x.offset(), x.offset() + d);
                    assertEquals(environment.condition(lane).problem().value(iterate), environment.cost(lane), 0.0);
                }
                if (t == 7) {
                    assertTrue(environment.isDone(), "T − 1 steps end the episode");
                    assertThrows(IllegalStateException.class, () -> environment.step(steps));
                } else {
                    assertFalse(environment.isDone());
                    Arrays.fill(steps, 0.01 * (t + 1));
                    environment.step(steps);
                }
            }
        }
    }

    @Test
    void objectiveValueCostReadsTheXBlock() {
        LogisticRegression f = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).sample(4);
        FeaturePreset preset = FeaturePreset.releasedCode();
        ObjectiveValueCost cost = L2oEnvironment.objectiveValueCost(preset, f, 1.0, false);
        assertEquals(233, cost.stateDimension());
        assertEquals(4, cost.actionDimension());
        L2oEnvironment environment = new L2oEnvironment(preset, 2, DivergenceRule.DEFAULT);
        environment.reset(Condition.of(f), 1);
        double[] state = new double[233];
        environment.state(0, state, 0);
        CostDerivatives derivatives = cost.evaluate(new double[][] {state}, new double[][] {new double[4]});
        assertEquals(environment.cost(0), derivatives.value(0), 0.0);
    }

    @Test
    void conditionValidatesItsInitialPoint() {
        DiagonalQuadratic f = new DiagonalQuadratic(new double[] {1, 2}, new double[2], new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Condition(f, new double[3]));
        assertTrue(e.getMessage().contains("3 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new L2oEnvironment(FeaturePreset.paper(), 1, DivergenceRule.DEFAULT));
    }
}
