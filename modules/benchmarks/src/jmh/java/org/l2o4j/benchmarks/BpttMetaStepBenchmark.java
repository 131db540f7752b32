package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.bptt.BpttConfig;
import org.l2o4j.bptt.Unroll;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
import org.l2o4j.core.training.gradient.MetaAdam;
import org.l2o4j.policy.recurrent.RecurrentNet;
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

    private BpttConfig config;
    private RecurrentNet net;
    private Unroll unroll;
    private MetaAdam adam;
    private List<Problem> problems;
    private double[] parameters;
    private double[] gradient;
    private double[] state;
    private ProblemBatch batch;
    private int unrollInEpoch;

    @Setup
    public void setUp() {
        BenchmarkJvm.selectKernels(kernels);
        config = Configs.bind(Map.of("precision", precision), BpttConfig.lstm(), "benchmark");
        net = config.spec().create();
        problems = Catalog.family("quadratic", Map.of("trainProblems", PROBLEMS)).problems("train", 0);
        int coordinates = PROBLEMS * problems.get(0).dimension();
        unroll = new Unroll(net, config.lossWeights(), coordinates, 1);
        adam = new MetaAdam(net.parameterCount(), config.metaLearningRate(), config.beta1(), config.beta2(),
                config.epsilon());
        parameters = net.initialParameters(1);
        gradient = new double[net.parameterCount()];
        state = new double[coordinates * net.stateSize()];
        unrollInEpoch = 0;
    }

    @Benchmark
    public double metaUpdate() {
        RecurrentNet.Kernel kernel = net.kernel(parameters);
        if (unrollInEpoch == 0) {
            batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
            kernel.resetState(state, 0, state.length / net.stateSize());
        }
        double loss = unroll.run(batch, kernel, state, unrollInEpoch == 0, gradient);
        adam.step(parameters, gradient);
        unrollInEpoch = (unrollInEpoch + 1) % config.unrollsPerEpoch();
        return loss;
    }

    @TearDown
    public void tearDown() {
        unroll.close();
    }
}
