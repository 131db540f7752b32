package org.l2o4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.problems.limalik.LogisticRegressionConfig;
import org.l2o4j.problems.limalik.LogisticRegressionFamily;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * RL4J's DQN trains on the optimization MDP and its greedy policy plays a full episode: the adapter meets the contract
 * RL4J actually exercises (deps.md's verified outline: {@code QLearningDiscreteDense} with a seeded
 * {@code QLearningConfiguration} and a {@code DQNDenseNetworkConfiguration}).
 *
 * <p>The project's double-precision defaults are set first (design.md). RL4J M1.1 nevertheless builds its dense DQN
 * in float32: {@code DQNFactoryStdDense} sets no data type and DL4J's configuration defaults to FLOAT, and the
 * network casts the double observations on input. Training works either way (the same run gives the same greedy
 * return with ND4J's defaults at FLOAT or DOUBLE); only the Q-network's arithmetic is float32, while the MDP, its
 * features and the rewards stay in double. The assertion on the network's type records that fact.
 */
class DqnOnOptimizationEnvironmentTest {

    private static final int HORIZON = 20;
    private static final int TRAINING_STEPS = 300;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Bounded by its step count (300 DQN steps), not by a clock: a loaded CI machine must not make it fail. */
    @Test
    void dqnTrainsAndItsGreedyPolicyPlaysAChargedFullEpisode() {
        List<Problem> train = new LogisticRegressionFamily(LogisticRegressionConfig.DEFAULTS).problems("train", 2017)
                .subList(0, 10);
        OptimizationEnvironment.Settings settings = new OptimizationEnvironment.Settings(FeaturePreset.paper(),
                HORIZON, DivergenceRule.DEFAULT, ObservationScaling.S33);
        OptimizationEnvironment env = new OptimizationEnvironment(train,
                OptimizationEnvironment.gradientStepGrid(0.01, 0.5, 5), settings, 11);

        QLearningConfiguration conf = QLearningConfiguration.builder()
                .seed(123L)
                .maxEpochStep(HORIZON)
                .maxStep(TRAINING_STEPS)
                .expRepMaxSize(TRAINING_STEPS)
                .batchSize(32)
                .targetDqnUpdateFreq(50)
                .updateStart(32)
                .rewardFactor(1.0)
                .gamma(0.99)
                .errorClamp(1.0)
                .minEpsilon(0.1)
                .epsilonNbStep(TRAINING_STEPS / 2)
                .doubleDQN(true)
                .build();
        DQNDenseNetworkConfiguration net = DQNDenseNetworkConfiguration.builder()
                .updater(new Adam(1e-3))
                .numHiddenNodes(16)
                .numLayers(2)
                .build();
        QLearningDiscreteDense<OptimizationObservation> dqn = new QLearningDiscreteDense<>(env, net, conf);
        dqn.train();
        assertTrue(dqn.getStepCount() >= TRAINING_STEPS, "trained " + dqn.getStepCount() + " steps");
        assertEquals(dqn.getStepCount() / HORIZON, env.episodes(), 1.0, "episodes of T steps each");

        List<CountingProblem> counted = train.stream().map(CountingProblem::new).toList();
        OptimizationEnvironment play = new OptimizationEnvironment(counted, env.actions(), settings, 99);
        DQNPolicy<OptimizationObservation> greedy = dqn.getPolicy();
        assertEquals(DataType.FLOAT, ((DQN) dqn.getNeuralNet()).getNeuralNetworks()[0].params().dataType(),
                "RL4J M1.1 builds its dense DQN in float32 whatever ND4J's defaults are");
        double totalReward = greedy.play(play);

        assertEquals(HORIZON, play.mdp().time(), "the greedy episode lasts T steps");
        assertTrue(play.isDone());
        double[] costs = play.mdp().costs()[0];
        double sumOfCosts = 0;
        for (int t = 1; t <= HORIZON; t++) {
            assertTrue(Double.isFinite(costs[t]), "f(x_" + t + ") = " + costs[t]);
            sumOfCosts += costs[t];
        }
        assertTrue(Double.isFinite(totalReward));
        assertEquals(-sumOfCosts, totalReward, 1e-9 * Math.abs(sumOfCosts), "return = −Σ f(x_t), t = 1..T");
        assertTrue(costs[HORIZON] < costs[0], "every action is a descent step: f went " + costs[0] + " → "
                + costs[HORIZON]);

        long valueCalls = counted.stream().mapToLong(c -> c.valueCalls).sum();
        long gradientCalls = counted.stream().mapToLong(c -> c.gradientCalls).sum();
        assertEquals(HORIZON + 1, valueCalls);
        assertEquals(valueCalls, play.valueEvaluations(), "every function evaluation was charged");
        assertEquals(gradientCalls, play.gradientEvaluations(), "every gradient evaluation was charged");
        System.out.printf("DQN %d steps, %d episodes; greedy return %.6f, f %.6f -> %.6f%n", dqn.getStepCount(),
                env.episodes(), totalReward, costs[0], costs[HORIZON]);
    }
}
