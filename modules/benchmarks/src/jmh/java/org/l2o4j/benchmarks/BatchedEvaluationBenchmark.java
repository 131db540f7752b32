package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.ProblemBatch;
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
 * Value-and-gradient of a whole batch of problems (the test split of a family, 100 or 128 functions), the work every
 * optimizer step does once. Reported as problem evaluations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class BatchedEvaluationBenchmark {

    /** Batch size (the Li &amp; Malik test splits have 100 functions). */
    public static final int BATCH = 100;

    @Param({"logistic-regression", "robust-linear-regression", "two-layer-net", "quadratic", "two-moons"})
    public String family;

    private ProblemBatch batch;

    @Setup
    public void setUp() {
        List<Problem> problems = Catalog.family(family, Map.of()).problems("test", 0).subList(0, BATCH);
        batch = ProblemBatch.startingAt(problems, problems.stream().map(p -> p.initialPoint(0)).toList());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluateBatch(Blackhole bh) {
        batch.evaluateActive();
        bh.consume(batch.values());
    }
}
