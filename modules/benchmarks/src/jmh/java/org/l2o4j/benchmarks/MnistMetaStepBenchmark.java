package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.bptt.BpttConfig;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Meta-training on the MNIST MLP as {@code experiments/l2l-mnist-lstm.yaml} trains it (Andrychowicz et al. 2016,
 * papers.md §2.1): one unroll of 20 optimizee steps of the LSTM 2 × 20 (log-and-sign p = 10, output × 0.01) on one
 * 784-20-10 sigmoid network (15,910 coordinates, a minibatch of 128 per step), with the tape, the backward pass
 * through the 20 steps and the meta-optimizer's Adam step, as {@code BpttEstimator} runs one meta-update; fresh
 * networks every 5 unrolls (100 steps). One thread. The score is per optimizee step (an unroll's time / 20), the unit
 * of the PyTorch peer ({@code torch_lstm_mnist.py}'s "meta" figure). The experiment itself unrolls two networks at
 * once (31,820 coordinates) on two threads, which costs about twice this per step of the pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(MnistMetaStepBenchmark.UNROLL)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class MnistMetaStepBenchmark {

    /** Steps per unroll, l2l-mnist-lstm's {@code unrollLength}. */
    static final int UNROLL = 20;

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

    private UnrollMetaUpdate update;

    @Setup
    public void setUp() {
        BenchmarkJvm.selectKernels(kernels);
        // l2l-mnist-lstm's network and unroll (the rest of its file concerns the outer loop).
        BpttConfig config = Configs.bind(Map.of("logAndSignP", 10.0, "outputScale", 0.01, "stepsPerProblem", 100,
                "unrollLength", UNROLL, "includeInitialLoss", true, "metaLearningRate", 0.01, "precision", precision),
                BpttConfig.lstm(), "l2l-mnist-lstm");
        List<Problem> problems = Catalog.family("mnist-mlp", Map.of("trainProblems", 1)).problems("train", 2016);
        update = new UnrollMetaUpdate(config, problems);
    }

    /** One unroll of {@value #UNROLL} optimizee steps and its meta-update. */
    @Benchmark
    public double metaUpdate() {
        return update.run();
    }

    @TearDown
    public void tearDown() {
        update.close();
    }
}
