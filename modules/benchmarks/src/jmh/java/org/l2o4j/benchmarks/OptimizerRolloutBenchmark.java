package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.optimizer.Optimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
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

/**
 * A whole recorded rollout of a baseline on 100 logistic-regression functions for Li &amp; Malik's 40-step training
 * horizon: optimizer arithmetic, every evaluation it is charged for, and the engine's recording. Reported as
 * problem-steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class OptimizerRolloutBenchmark {

    private static final int BATCH = 100;
    private static final int STEPS = 40;

    @Param({"gradient-descent", "momentum", "adam", "conjugate-gradient", "conjugate-gradient-ls", "lbfgs", "newton"})
    public String optimizer;

    private Optimizer opt;
    private List<Problem> problems;
    private List<double[]> starts;

    @Setup
    public void setUp() {
        problems = Catalog.family("logistic-regression", Map.of()).problems("test", 0).subList(0, BATCH);
        starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        opt = Catalog.optimizer(optimizer, Map.of());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * STEPS)
    public Object rollout() {
        return Rollout.run(opt, problems, starts, Rollout.Options.of(STEPS), RolloutListener.NONE);
    }
}
