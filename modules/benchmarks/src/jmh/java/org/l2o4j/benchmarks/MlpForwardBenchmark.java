package org.l2o4j.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.InputNormalization;
import org.l2o4j.policy.MlpArchitecture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where ND4J starts to pay: the forward pass of Li &amp; Malik's policy network (125 → 50 softplus → 4, double
 * precision) over a batch of observations, as ND4J array operations against plain {@code double[]} loops. The
 * crossover batch size goes into docs/performance.md and decides which backend the rollout's policy uses;
 * {@code policyMean} is the policy module's forward pass that rollouts call.
 * Reported as average time per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class MlpForwardBenchmark {

    private static final int IN = 125;
    private static final int HIDDEN = 50;
    private static final int OUT = 4;

    @Param({"1", "10", "100", "1000"})
    public int batch;

    private double[] w1;
    private double[] b1;
    private double[] w2;
    private double[] b2;
    private double[] input;
    private double[] hidden;
    private double[] output;

    private GaussianMlpPolicy policy;
    private double[] policyOutput;

    private INDArray w1Nd;
    private INDArray b1Nd;
    private INDArray w2Nd;
    private INDArray b2Nd;
    private INDArray inputNd;
    private INDArray hiddenNd;
    private INDArray outputNd;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        RandomGenerator rng = Seeds.rng(1);
        w1 = Seeds.gaussian(rng, IN * HIDDEN);
        b1 = Seeds.gaussian(rng, HIDDEN);
        w2 = Seeds.gaussian(rng, HIDDEN * OUT);
        b2 = Seeds.gaussian(rng, OUT);
        input = Seeds.gaussian(rng, batch * IN);
        hidden = new double[batch * HIDDEN];
        output = new double[batch * OUT];
        w1Nd = Nd4j.create(w1, new long[] {IN, HIDDEN}, 'c');
        b1Nd = Nd4j.create(b1, new long[] {1, HIDDEN}, 'c');
        w2Nd = Nd4j.create(w2, new long[] {HIDDEN, OUT}, 'c');
        b2Nd = Nd4j.create(b2, new long[] {1, OUT}, 'c');
        inputNd = Nd4j.create(input, new long[] {batch, IN}, 'c');
        hiddenNd = Nd4j.create(DataType.DOUBLE, batch, HIDDEN);
        outputNd = Nd4j.create(DataType.DOUBLE, batch, OUT);
        double[] theta = new double[IN * HIDDEN + HIDDEN + HIDDEN * OUT + OUT];
        System.arraycopy(w1, 0, theta, 0, IN * HIDDEN);
        System.arraycopy(b1, 0, theta, IN * HIDDEN, HIDDEN);
        System.arraycopy(w2, 0, theta, IN * HIDDEN + HIDDEN, HIDDEN * OUT);
        System.arraycopy(b2, 0, theta, IN * HIDDEN + HIDDEN + HIDDEN * OUT, OUT);
        policy = GaussianMlpPolicy.of(MlpArchitecture.liMalik(IN, OUT), theta, InputNormalization.identity(IN),
                new double[OUT]);
        policyOutput = new double[batch * OUT];
        double[] java = plainJava().clone();
        requireAgreement("ND4J", java, nd4j().data().asDouble());
        requireAgreement("GaussianMlpPolicy", java, policyMean());
    }

    private static void requireAgreement(String name, double[] java, double[] other) {
        for (int k = 0; k < java.length; k++) {
            if (Math.abs(java[k] - other[k]) > 1e-9 * (1 + Math.abs(java[k]))) {
                throw new IllegalStateException("the plain loop and " + name + " disagree at " + k + ": " + java[k]
                        + " vs " + other[k]);
            }
        }
    }

    /** Row-major loops in axpy order (the inner loop runs over contiguous outputs, which the JIT vectorizes). */
    @Benchmark
    public double[] plainJava() {
        for (int r = 0; r < batch; r++) {
            int h0 = r * HIDDEN;
            System.arraycopy(b1, 0, hidden, h0, HIDDEN);
            for (int i = 0; i < IN; i++) {
                double v = input[r * IN + i];
                int w0 = i * HIDDEN;
                for (int j = 0; j < HIDDEN; j++) {
                    hidden[h0 + j] += v * w1[w0 + j];
                }
            }
            for (int j = 0; j < HIDDEN; j++) {
                double z = hidden[h0 + j];
                hidden[h0 + j] = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            }
            int o0 = r * OUT;
            System.arraycopy(b2, 0, output, o0, OUT);
            for (int j = 0; j < HIDDEN; j++) {
                double v = hidden[h0 + j];
                for (int k = 0; k < OUT; k++) {
                    output[o0 + k] += v * w2[j * OUT + k];
                }
            }
        }
        return output;
    }

    /**
     * The policy module's own forward pass, as rollouts run it: {@link GaussianMlpPolicy#mean} with an identity
     * normalization (on the Vector API when the fork has it, as {@link BenchmarkJvm} arranges).
     */
    @Benchmark
    public double[] policyMean() {
        policy.mean(input, batch, policyOutput);
        return policyOutput;
    }

    /** The same with ND4J, outputs preallocated and updated in place. */
    @Benchmark
    public INDArray nd4j() {
        inputNd.mmuli(w1Nd, hiddenNd);
        hiddenNd.addiRowVector(b1Nd);
        Transforms.softPlus(hiddenNd, false);
        hiddenNd.mmuli(w2Nd, outputNd);
        outputNd.addiRowVector(b2Nd);
        return outputNd;
    }
}
