package org.l2o4j.dl4j.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.dl4j.LearnedUpdater;
import org.l2o4j.policy.recurrent.LogAndSign;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.l2o4j.problems.mnist.MnistMlp;
import org.l2o4j.problems.mnist.MnistMlpConfig;
import org.l2o4j.problems.mnist.MnistMlpFamily;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The DL4J network is the family's problem: same loss and gradient at the same point on the same minibatch, computed
 * by two independent implementations (DL4J's dense layers and the family's sparse hand-written passes), and a learned
 * optimizer trains both alike.
 */
class MnistMlpNetworkTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void lossAndGradientEqualTheFamilysOnTheSameMinibatch() {
        for (MnistMlpConfig settings : List.of(MnistMlpConfig.DEFAULTS, new MnistMlpConfig(7, 2, "relu", 16, 0.3,
                "npm", "", "", 0.2, 3, 2, 3))) {
            MnistMlpFamily family = new MnistMlpFamily(settings, FixtureDigits.digits(300, 1));
            MnistMlp problem = family.sample(5);
            MultiLayerNetwork net = MnistMlpNetwork.start(settings, new NoOp(), problem);
            int d = problem.dimension();
            assertEquals(d, net.numParams());
            for (long draw : new long[] {0, 3}) {
                double[] x = problem.initialPoint(0);
                if (draw > 0) {
                    RandomGenerator rng = Seeds.rng(draw);
                    for (int i = 0; i < d; i++) {
                        x[i] += 0.5 * rng.nextGaussian();
                    }
                    net.setParams(MnistMlpNetwork.parameters(x, MnistMlpNetwork.widths(settings)));
                }
                DataSet batch = MnistMlpNetwork.minibatch(family.digits().images(), problem, draw);
                net.setInput(batch.getFeatures());
                net.setLabels(batch.getLabels());
                net.computeGradientAndScore();
                double[] gradient = new double[d];
                double f = problem.valueAndGradient(draw, x, 0, gradient, 0);
                assertEquals(f, net.score(), 1e-12 * Math.abs(f), "loss on minibatch " + draw);
                double[] expected = MnistMlpNetwork.parameters(gradient, MnistMlpNetwork.widths(settings))
                        .toDoubleVector();
                double[] summed = net.getGradientsViewArray().toDoubleVector();
                double scale = 0;
                for (double g : expected) {
                    scale = Math.max(scale, Math.abs(g));
                }
                assertTrue(scale > 0);
                for (int i = 0; i < d; i++) {
                    assertEquals(expected[i], summed[i] / settings.batchSize(), 1e-11 * scale, "gradient " + i);
                }
            }
        }
    }

    /**
     * The LSTM through {@link LearnedUpdater} on the DL4J network and the same LSTM as L2O4J's optimizer on the
     * family's problem give the same losses step after step; not to the last bit, since the two implementations of the
     * network sum in different orders, but to 1e-9 over ten steps.
     */
    @Test
    void learnedOptimizerTrainsTheDl4jNetworkAsItTrainsTheFamilysProblem() {
        RecurrentSpec spec = new RecurrentSpec(RecurrentSpec.Cell.LSTM, 2, 20,
                new LogAndSign(10, false), 0.01);
        RandomGenerator rng = Seeds.rng(9);
        double[] parameters = new double[spec.create().parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = 0.3 * rng.nextGaussian();
        }
        Path file = dir.resolve("lstm.json");
        new RecurrentCheckpoint(spec, parameters, Map.of(), Map.of()).save(file);
        MnistMlpFamily family = new MnistMlpFamily(MnistMlpConfig.DEFAULTS, FixtureDigits.digits(300, 2));
        MnistMlp problem = family.sample(11);
        int steps = 10;
        RolloutResult l2o = Rollout.run(Catalog.optimizer("lstm-optimizer", Map.of("checkpoint", file.toString())),
                List.of(problem), List.of(problem.initialPoint(0)), Rollout.Options.of(steps), RolloutListener.NONE);
        MultiLayerNetwork net = MnistMlpNetwork.start(MnistMlpConfig.DEFAULTS, new LearnedUpdater(file.toString()),
                problem);
        for (int t = 0; t < steps; t++) {
            net.fit(MnistMlpNetwork.minibatch(family.digits().images(), problem, t));
            double f = l2o.objective()[0][t];
            assertEquals(f, net.score(), 1e-9 * f, "loss at step " + t);
        }
        assertTrue(Math.abs(l2o.objective()[0][steps - 1] - l2o.objective()[0][0]) > 1e-3,
                "the optimizer must move the loss for the comparison to mean something: " + l2o.objective()[0][0] + " -> " + l2o.objective()[0][steps - 1]);
    }
}
