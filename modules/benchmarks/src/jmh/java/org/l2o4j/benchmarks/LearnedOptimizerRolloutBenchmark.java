package org.l2o4j.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The learned optimizer's batched rollout as issue 4 specifies it: 1,000 logistic-regression problems advanced
 * together for 40 steps by Li &amp; Malik's policy (paper features, 125 → 50 softplus → 4, mean action), objective,
 * gradient and feature history included. Reported in problem-steps per second; the target is 340,000 on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class LearnedOptimizerRolloutBenchmark {

    private static final int PROBLEMS = 1000;
    private static final int STEPS = 40;

    private FeatureDrivenOptimizer optimizer;
    private List<Problem> problems;
    private List<double[]> starts;

    @Setup
    public void setUp() {
        ProblemFamily family = Catalog.family("logistic-regression", Map.of("testProblems", PROBLEMS));
        problems = family.problems("test", 0);
        starts = problems.stream().map(p -> p.initialPoint(0)).toList();
        FeaturePreset preset = FeaturePreset.paper();
        int d = problems.get(0).dimension();
        GaussianMlpPolicy policy = GaussianMlpPolicy.initialize(
                MlpArchitecture.liMalik(preset.historyLength() * (d + 1), d), Seeds.derive(1, "policy"));
        optimizer = new FeatureDrivenOptimizer("li-malik-policy", Map.of(), preset,
                (layout, count, observations, actions) -> policy.mean(observations, count, actions));
    }

    @Benchmark
    @OperationsPerInvocation(PROBLEMS * STEPS)
    public Object rollout() {
        return Rollout.run(optimizer, problems, starts, Rollout.Options.of(STEPS), RolloutListener.NONE);
    }
}
