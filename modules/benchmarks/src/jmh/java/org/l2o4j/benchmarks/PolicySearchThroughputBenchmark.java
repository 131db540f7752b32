package org.l2o4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.engine.LocalEngine;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.core.training.gradient.GradientEstimator;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policysearch.PolicyEpisodes;
import org.l2o4j.policysearch.PolicyParameters;
import org.l2o4j.policysearch.TrainingFunctions;
import org.l2o4j.policysearch.cmaes.CmaEsTrainer;
import org.l2o4j.policysearch.es.EsSettings;
import org.l2o4j.policysearch.es.EvolutionStrategies;
import org.l2o4j.policysearch.ppo.OptimizationEpisodes;
import org.l2o4j.policysearch.ppo.Ppo;
import org.l2o4j.policysearch.ppo.PpoSettings;
import org.l2o4j.policysearch.unroll.UnrollSettings;
import org.l2o4j.policysearch.unroll.UnrolledPolicy;
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
 * Meta-training throughput of the policy-search trainers on Li &amp; Malik's logistic regression with the settings of
 * their experiment files (50-unit policy on the released-code features, T = 40), one thread: the time of one unit of
 * each, from which problem-steps per second follow (docs/performance.md):
 * <ul>
 *   <li>{@code es}: one meta-step of full-episode ES, 16 pairs on 10 functions: 32 × 10 × 40 = 12,800 problem-steps;</li>
 *   <li>{@code pes}: one truncation of PES (K = 10), the same particles: 32 × 10 × 10 = 3,200;</li>
 *   <li>{@code mlp-bptt}: one unroll of 10 steps on 10 functions with its backward pass: 10 × 10 = 100;</li>
 *   <li>{@code ppo}: one PPO iteration, 32 episodes of 40 steps then 4 epochs of minibatches of 256: 1,280;</li>
 *   <li>{@code cmaes}: a whole CMA-ES training of 50,000 problem-steps (li-malik-logreg-cmaes's settings, Commons
 *       Math's CMA-ES in a 200-dimensional subspace, 19 candidates on 10 functions per generation), its set-up,
 *       validations and checkpoint files included: it spends 50,000 (normalization 3,200, start 400, 6 generations of
 *       7,600, 2 validations of 400); Commons Math's CMA-ES has no per-generation entry point.</li>
 * </ul>
 * GPS's iteration is {@code GpsIterationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class PolicySearchThroughputBenchmark {

    @Param({"es", "pes", "mlp-bptt", "ppo", "cmaes"})
    public String trainer;

    private GradientEstimator estimator;
    private GradientEstimator.Epoch epoch;
    private double[] theta;
    private double[] gradient;
    private int step;
    private long epochs;
    private Ppo ppo;
    private long iteration;
    private Path folders;
    private int trainings;

    @Setup
    public void setUp() throws IOException {
        List<Problem> functions = Catalog.family("logistic-regression", Map.of()).problems("train", 20160606)
                .subList(0, 80);
        switch (trainer) {
            case "es", "pes" -> {
                EsSettings s = trainer.equals("es") ? EsSettings.ES : EsSettings.PES;
                PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), functions,
                        s.hiddenUnits());
                estimator = new EvolutionStrategies(s, 1, new LocalEngine(1), new TrainingFunctions(
                        "logistic-regression", Map.of(), 20160606, "train", 80), PolicyParameters.fitted(episodes,
                                1.0, trainer));
            }
            case "mlp-bptt" -> {
                UnrollSettings s = UnrollSettings.DEFAULTS;
                PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), functions,
                        s.hiddenUnits());
                estimator = new UnrolledPolicy(s, 1, functions, PolicyParameters.fitted(episodes, 1.0, trainer));
            }
            case "ppo" -> {
                PpoSettings s = PpoSettings.DEFAULTS;
                PolicyEpisodes episodes = new PolicyEpisodes(s.featurePreset(), s.horizon(), functions,
                        s.hiddenUnits());
                InputNormalization normalization = episodes.normalizationFromGradientDescent(1.0);
                GaussianMlpPolicy initial = GaussianMlpPolicy.initialize(episodes.architecture(), 1);
                initial.setNormalization(normalization);
                ppo = new Ppo(new OptimizationEpisodes(s.featurePreset(), s.horizon(), functions, true, 10),
                        s.algorithm(), 1, initial);
            }
            case "cmaes" -> folders = Files.createTempDirectory("cmaes-benchmark");
            default -> throw new IllegalArgumentException("unknown trainer " + trainer);
        }
        if (estimator != null) {
            theta = estimator.initialParameters();
            gradient = new double[theta.length];
        }
    }

    @Benchmark
    public double unit() {
        if (folders != null) {
            return cmaesTraining();
        }
        if (ppo != null) {
            return ppo.iterate(iteration++).meanReturn();
        }
        if (epoch == null || step == estimator.stepsPerEpoch()) {
            epoch = estimator.epoch(epochs++, theta);
            step = 0;
        }
        step++;
        return epoch.estimate(theta, gradient);
    }

    private double cmaesTraining() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("kind", CmaEsTrainer.KIND);
        raw.put("family", "logistic-regression");
        raw.put("seed", 20160606);
        raw.put("threads", 1);
        raw.put("conditions", 90);
        raw.put("problemSteps", 50_000);
        raw.put("checkpoints", 1);
        return BenchmarkTraining.train(new CmaEsTrainer.Provider(), raw, folders.resolve("run-" + trainings++));
    }

    @TearDown
    public void tearDown() throws IOException {
        if (estimator != null) {
            estimator.close();
        }
        if (folders != null) {
            AtomicFiles.deleteTree(folders);
        }
    }
}
