package org.l2o4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.baselines.optimizers.Adam;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.OptimizerState;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.policy.recurrent.Precision;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentNet;
import org.l2o4j.policy.recurrent.RecurrentSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of a recurrent learned optimizer as an {@code Optimizer} (preprocessing, the network on every coordinate,
 * θ ← θ + Δθ, one evaluation per problem): Andrychowicz et al.'s LSTM (2 × 20, log-and-sign) and Maheswaranathan et
 * al.'s GRU (64 units, raw gradient), with Adam's step as the price of a hand-designed one, on 128 ten-dimensional
 * quadratics (1,280 coordinates), on one problem the size of the paper's MNIST network (15,910 coordinates; a separable
 * quadratic, so that the evaluation costs next to nothing and the score is the optimizer's), and on the MNIST network
 * itself ({@code mnist}: 784-20-10 sigmoid, one minibatch of 128 per step, so the score is what an optimization step
 * costs in an experiment). Microseconds per step; run with {@code -prof gc} for the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class RecurrentOptimizerStepBenchmark {

    /** The size of Andrychowicz et al.'s MNIST network, 784-20-10 (papers.md §2.2). */
    private static final int MNIST_PARAMETERS = 15_910;

    @Param({"lstm", "gru", "adam"})
    public String optimizer;

    @Param({"128x10", "1x15910", "mnist"})
    public String shape;

    /**
     * The recurrent cells on the Vector API ({@code vector}, the default) or on the scalar loops ({@code scalar}):
     * the same bits, compared in one run (see {@link BenchmarkJvm#selectKernels}).
     */
    @Param({"vector", "scalar"})
    public String kernels;

    /**
     * The arithmetic of the recurrent cells: {@code double} (the reference) or {@code float} (single precision on
     * the Vector API, which has no scalar kernels: use it with {@code kernels=vector}). Compare the two in one run
     * with {@code -p precision=double,float}.
     */
    @Param({"double"})
    public String precision;

    private OptimizerState state;

    @Setup
    public void setUp() {
        BenchmarkJvm.selectKernels(kernels);
        List<Problem> problems = new ArrayList<>();
        switch (shape) {
            case "128x10" -> problems.addAll(Catalog.family("quadratic", Map.of("testProblems", 128))
                    .problems("test", 0));
            case "1x15910" -> problems.add(new SeparableQuadratic(MNIST_PARAMETERS));
            default -> problems.add(Catalog.family("mnist-mlp", Map.of("testProblems", 1)).problems("test", 0)
                    .get(0));
        }
        ProblemBatch batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0))
                .toList());
        state = optimizer.equals("adam") ? new Adam.Provider().create(Map.of("learningRate", 0.01)).start(batch)
                : new RecurrentLearnedOptimizer(network(), Map.of()).start(batch);
    }

    private RecurrentNet.Kernel network() {
        RecurrentSpec spec = (optimizer.equals("lstm") ? RecurrentSpec.paperLstm()
                : RecurrentSpec.rennGru(RecurrentSpec.RENN_TUTORIAL_GRU_UNITS))
                .withPrecision(Precision.fromLabel(precision));
        RecurrentNet net = spec.create();
        double[] theta = net.initialParameters(1);
        if (spec.cell() == RecurrentSpec.Cell.GRU) {
            // The GRU's readout starts at zero; a non-zero one makes the benchmark move θ like a trained network.
            for (int k = net.parameterCount() - 1 - spec.hiddenUnits(); k < net.parameterCount(); k++) {
                theta[k] = 0.01;
            }
        }
        return net.kernel(theta);
    }

    @Benchmark
    public OptimizerState step() {
        state.step();
        return state;
    }
}
