package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.gps.algorithm.GpsConfig;
import org.l2o4j.gps.algorithm.GuidedPolicySearch;
import org.l2o4j.gps.dynamics.DynamicsConfig;
import org.l2o4j.gps.env.Condition;
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
 * One MDGPS iteration (the momentum-grid initialization included) at Li &amp; Malik's sizes (gps.md §6: N = 20,
 * T = 40, released-code features with H = 25, so dX = 233, 20-cluster GMM priors, 20,000 S-step steps) on a few
 * logistic-regression conditions; the phase breakdown (sampling, dynamics, linearization, C-step, S-step) is printed
 * for every run. It takes about a minute per run, so it is single-shot: run it by name,
 * {@code ... org.openjdk.jmh.Main GpsIterationBenchmark -p threads=2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class GpsIterationBenchmark {

    @Param({"4"})
    public int conditions;

    @Param({"1", "2"})
    public int threads;

    /** GPS iterations per run; from the second on, the JIT has compiled every phase and no initial S-step runs. */
    @Param({"2"})
    public int iterations;

    /** {@code KNOWN_TRANSITION} (L2O4J's default) or {@code FULL} (the reference's fit of the whole transition). */
    @Param({"KNOWN_TRANSITION", "FULL"})
    public String dynamics;

    private List<Condition> training;
    private GpsConfig config;

    @Setup
    public void setUp() {
        training = Catalog.family("logistic-regression", Map.of()).problems("train", 0).subList(0, conditions)
                .stream().map(Condition::of).toList();
        GpsConfig base = GpsConfig.liMalik();
        config = GpsConfig.builder(base).iterations(iterations).threads(threads)
                .dynamics(base.dynamics().withStructure(DynamicsConfig.Structure.valueOf(dynamics))).build();
    }

    @Benchmark
    public Object oneIteration() {
        return new GuidedPolicySearch(config, training).train(r -> System.out.printf(
                "%n%s dynamics, %d conditions, %d threads, iteration %d: sampling %.2f s, dynamics %.2f s, linearization %.2f s,"
                        + " C-step %.2f s, S-step %.2f s, evaluation %.2f s, total %.2f s%n",
                dynamics, conditions, threads, r.iteration(), r.seconds().sampling(), r.seconds().dynamics(),
                r.seconds().linearization(), r.seconds().cStep(), r.seconds().sStep(), r.seconds().evaluation(),
                r.seconds().total()));
    }
}
