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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One meta-update of Andrychowicz et al.'s training on the 10-d quadratics (papers.md §2.1): 128 problems, an unroll
 * of 20 steps (forward, 2,560 evaluations, backpropagation through the LSTM 2 × 20 on 1,280 coordinates), then Adam
 * on the network's parameters; double precision unless {@code precision} says otherwise, one thread. As in
 * training, fresh problems start every 5 meta-updates (100 optimizee steps). Meta-updates per second; the target is
 * 7 (PyTorch 1.13 on CPU), the aim 14.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class BpttMetaStepBenchmark {

    private static final int PROBLEMS = 128;

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
        BpttConfig config = Configs.bind(Map.of("precision", precision), BpttConfig.lstm(), "benchmark");
        List<Problem> problems = Catalog.family("quadratic", Map.of("trainProblems", PROBLEMS)).problems("train", 0);
        update = new UnrollMetaUpdate(config, problems);
    }

    @Benchmark
    public double metaUpdate() {
        return update.run();
    }

    @TearDown
    public void tearDown() {
        update.close();
    }
}
