package org.l2o4j.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.problems.mnist.MnistImages;
import org.l2o4j.problems.mnist.MnistMlp;
import org.l2o4j.problems.mnist.MnistMlpFamily;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The MNIST MLP of Andrychowicz et al. (784-20-10 sigmoid and the generalization variants), minibatch of 128: loss and
 * gradient of a batch of training problems through {@link ProblemBatch}, each call on the next minibatch, as every
 * meta-training and tuning step evaluates it; reported as problem evaluations per second. {@code denseReference}
 * times the product the objective's sparse input layer avoids, one dense 128×784 · 784×20 product in plain loops,
 * as the cost to beat (reported per product). Needs the digits: the first run downloads them (see docs/problems.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class MnistMlpEvaluationBenchmark {

    /** Problems per batch. */
    public static final int BATCH = 20;

    /** Hidden units of the base network, the width of the dense reference product. */
    private static final int HIDDEN = 20;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluateBatch(Networks networks, Blackhole bh) {
        networks.batch.evaluateActive();
        bh.consume(networks.batch.values());
    }

    @Benchmark
    public void denseReference(Dense dense, Blackhole bh) {
        double[] z = dense.product;
        Arrays.fill(z, 0.0);
        for (int r = 0; r < dense.rows; r++) {
            for (int k = 0; k < MnistImages.PIXELS; k++) {
                double a = dense.inputs[r * MnistImages.PIXELS + k];
                for (int o = 0; o < HIDDEN; o++) {
                    z[r * HIDDEN + o] += a * dense.weights[k * HIDDEN + o];
                }
            }
        }
        bh.consume(z);
    }

    /** A batch of training problems of one architecture at their initial points. */
    @State(Scope.Thread)
    public static class Networks {
        /** The architecture: the paper's base network and its generalization variants. */
        @Param({"base", "hidden40", "layers2", "relu"})
        public String network;

        ProblemBatch batch;

        @Setup
        public void setUp() {
            Map<String, Object> config = switch (network) {
                case "base" -> Map.of();
                case "hidden40" -> Map.of("hiddenUnits", 40);
                case "layers2" -> Map.of("hiddenLayers", 2);
                case "relu" -> Map.of("activation", "relu");
                default -> throw new IllegalArgumentException("unknown network " + network);
            };
            List<Problem> problems = Catalog.family(MnistMlpFamily.NAME, config).problems("train", 0)
                    .subList(0, BATCH);
            batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
        }
    }

    /** The first minibatch of the base network's first problem as a dense 128×784 matrix, and its W_0. */
    @State(Scope.Thread)
    public static class Dense {
        int rows;
        double[] inputs;
        double[] weights;
        double[] product;

        @Setup
        public void setUp() {
            MnistMlpFamily family = (MnistMlpFamily) Catalog.family(MnistMlpFamily.NAME, Map.of());
            MnistImages images = family.digits().images();
            MnistMlp first = family.sample(0);
            int[] digits = first.minibatch(0);
            rows = digits.length;
            inputs = new double[rows * MnistImages.PIXELS];
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < MnistImages.PIXELS; p++) {
                    inputs[r * MnistImages.PIXELS + p] = images.pixel(digits[r], p) / 255.0;
                }
            }
            weights = Arrays.copyOf(first.initialPoint(0), MnistImages.PIXELS * HIDDEN);
            product = new double[rows * HIDDEN];
        }
    }
}
