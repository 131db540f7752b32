package org.l2o4j.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.core.training.TrainingListener;
import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.policy.recurrent.Precision;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentOptimizerProvider;
import org.l2o4j.policy.recurrent.RecurrentSpec;

/**
 * Meta-training in single precision ({@code precision: float}): the training-file key, the meta-gradient against
 * double's, reproducibility on any thread count, and the precision going with the trained optimizer to its
 * evaluation. The runs use 15 problems (150 coordinates), so the two coordinate blocks meet inside a vector block.
 */
class FloatPrecisionTrainingTest {

    @TempDir
    Path dir;

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static BpttConfig config(Map<String, ?> overrides) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("problemsPerEpoch", 15, "precision", "float"));
        m.putAll(overrides);
        return TinyRuns.lstm(m);
    }

    @Test
    void theKeyIsDoubleByDefaultAndRefusedWhenWrong() {
        assertEquals("double", BpttConfig.lstm().precision());
        assertEquals(Precision.DOUBLE, BpttConfig.gru().spec().precision());
        assertFalse(BpttConfig.lstm().toMap().containsKey("precision"),
                "double is left out of the stored settings, as in run folders written before the key");
        BpttConfig single = Configs.bind(Map.of("precision", "float"), BpttConfig.lstm(), "bptt");
        assertEquals(RecurrentSpec.paperLstm().withPrecision(Precision.FLOAT), single.spec());
        assertEquals("float", single.toMap().get("precision"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configs.bind(Map.of("precision", "half"), BpttConfig.lstm(), "bptt"));
        assertTrue(e.getMessage().contains("precision must be one of [double, float], got 'half'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    /**
     * One unroll of 20 steps on 15 quadratics from the same start, on two threads: the float meta-gradient within
     * 1e-5 of the double one in the max norm, relative to it (measured 9e-8 for the LSTM, 3e-8 for the GRU). Besides
     * the network's own rounding (below 1e-6 of the gradient, FloatPrecisionTest), the float updates move the
     * iterates, whose gradients feed the later steps; on these well-conditioned quadratics that adds little.
     */
    @Test
    void theMetaGradientAgreesWithDouble() {
        for (String cell : List.of("lstm", "gru")) {
            BpttConfig single = config(cell.equals("gru") ? Map.of("cell", "gru", "layers", 1, "hiddenUnits", 16,
                    "unrollLength", 20, "stepsPerProblem", 20, "input", "raw", "outputScale", 0.1)
                    : Map.of("unrollLength", 20, "stepsPerProblem", 20));
            RecurrentNet floatNet = single.spec().create();
            RecurrentNet doubleNet = single.spec().withPrecision(Precision.DOUBLE).create();
            double[] theta = doubleNet.initialParameters(7);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += 0.05 * Math.sin(k);
            }
            double[] a = metaGradient(floatNet, theta, single);
            double[] b = metaGradient(doubleNet, theta, single);
            double norm = Arrays.stream(b).map(Math::abs).max().orElseThrow();
            double difference = 0;
            for (int k = 0; k < a.length; k++) {
                difference = Math.max(difference, Math.abs(a[k] - b[k]));
            }
            assertTrue(difference <= 1e-5 * norm, cell + ": meta-gradients differ by " + difference / norm);
        }
    }

    private static double[] metaGradient(RecurrentNet net, double[] theta, BpttConfig config) {
        List<Problem> problems = TinyRuns.quadratics().problems("train", 0).subList(0, 15);
        ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
        int coordinates = batch.size() * batch.dimension();
        RecurrentNet.Kernel kernel = net.kernel(theta);
        double[] state = new double[coordinates * net.stateSize()];
        kernel.resetState(state, 0, coordinates);
        double[] gradient = new double[net.parameterCount()];
        try (Unroll unroll = new Unroll(net, config.lossWeights(), coordinates, 2)) {
            unroll.run(batch, kernel, state, true, gradient);
        }
        return gradient;
    }

    /** Same seed, same parameters bit for bit, on one thread and on two; and not double's parameters. */
    @Test
    void floatTrainingIsReproducibleOnAnyThreadCount() {
        GradientMetaTrainer.Result a = new BpttTrainer(config(Map.of()), TinyRuns.quadratics())
                .train(TrainingListener.NONE);
        GradientMetaTrainer.Result b = new BpttTrainer(config(Map.of()), TinyRuns.quadratics())
                .train(TrainingListener.NONE);
        GradientMetaTrainer.Result threaded = new BpttTrainer(config(Map.of("threads", 2)), TinyRuns.quadratics())
                .train(TrainingListener.NONE);
        assertArrayEquals(bits(a.last()), bits(b.last()));
        assertArrayEquals(bits(a.last()), bits(threaded.last()));
        assertArrayEquals(bits(a.best()), bits(threaded.best()));
        GradientMetaTrainer.Result reference = new BpttTrainer(config(Map.of("precision", "double")),
                TinyRuns.quadratics()).train(TrainingListener.NONE);
        assertFalse(Arrays.equals(a.last(), reference.last()));
    }

    /** The run folder's optimizer is evaluated in single precision, as it was trained. */
    @Test
    void theTrainedOptimizerRunsInThePrecisionItWasTrainedIn() {
        TrainingHeader header = TrainingHeader.split(Map.of("kind", BpttTrainer.KIND, "family", "quadratic"), "test")
                .header();
        BpttTrainer trainer = new BpttTrainer(config(Map.of("epochs", 2)), TinyRuns.quadratics());
        Path run;
        try (TrainingFolder folder = TrainingFolder.create(dir, header, trainer.settings(), Set.of(),
                Provenance.capture("test", 0, "test"))) {
            trainer.train(folder, TrainingListener.NONE);
            run = folder.path();
        }
        Optimizer loaded = Catalog.optimizer("lstm-optimizer", Map.of("checkpoint", run.toString()));
        assertEquals("float", loaded.hyperparameters().get("precision"));
        RecurrentCheckpoint best = RecurrentCheckpoint.load(RecurrentOptimizerProvider.checkpointFile(run.toString()));
        assertEquals(Precision.FLOAT, best.spec().precision());
        List<Problem> problems = TinyRuns.quadratics().problems("test", 0).subList(0, 3);
        List<double[]> starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        RolloutResult a = Rollout.run(loaded, problems, starts, Rollout.Options.of(5), RolloutListener.NONE);
        RecurrentNet single = best.spec().create();
        RolloutResult b = Rollout.run(new RecurrentLearnedOptimizer(single.kernel(best.parameters()), Map.of()),
                problems, starts, Rollout.Options.of(5), RolloutListener.NONE);
        RecurrentNet reference = best.spec().withPrecision(Precision.DOUBLE).create();
        RolloutResult c = Rollout.run(new RecurrentLearnedOptimizer(reference.kernel(best.parameters()), Map.of()),
                problems, starts, Rollout.Options.of(5), RolloutListener.NONE);
        for (int i = 0; i < problems.size(); i++) {
            assertArrayEquals(b.objective()[i], a.objective()[i], 0.0);
        }
        assertFalse(Arrays.equals(c.objective()[2], a.objective()[2]), "the double network rounds differently");
    }
}
