package org.l2o4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Pointer;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.rl4j.dqn.DqnTrainer;
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
 * Meta-training throughput of RL4J's DQN step-size controller ({@code li-malik-logreg-dqn}'s settings on Li &amp;
 * Malik's 90 logistic-regression training functions): the unit is a whole training of one round of
 * {@value #STEPS} DQN steps (RL4J has no public per-step entry point), which spends {@value #PROBLEM_STEPS}
 * problem-steps (one per DQN step and one evaluation per episode start, 25 episodes of 40 steps), its set-up and
 * checkpoint included.
 *
 * <p>Nearly all of a DQN step is ND4J's per-call cost on a tiny network, and part of that is JavaCPP's memory
 * accounting: by default every native allocation reads the process's resident size from {@code /proc/self/statm}
 * (to call the garbage collector when it passes {@code maxPhysicalBytes}). {@code physicalBytesCheck} compares
 * JavaCPP's default ({@code javacpp}) with the check off ({@code off}, {@code maxPhysicalBytes = 0}, the {@code l2o}
 * launcher's setting; the allocation limit {@code maxBytes} still holds); {@code parallelGc} runs the same unit in a
 * fork with the parallel collector instead of G1. Neither changes a bit of the trained network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = BenchmarkJvm.VECTOR_API)
public class DqnTrainingBenchmark {

    /** DQN steps per unit. */
    static final int STEPS = 1_000;
    /** Problem-steps a unit spends: {@value #STEPS} plus one per episode start. */
    static final int PROBLEM_STEPS = STEPS + STEPS / 40;

    private static final String LIMIT_PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    @Param({"javacpp", "off"})
    public String physicalBytesCheck;

    private Path folders;
    private int trainings;

    @Setup
    public void setUp() throws IOException {
        // Pointer reads its limits once, when its class initializes: set the property before ND4J touches it.
        switch (physicalBytesCheck) {
            case "javacpp" -> System.clearProperty(LIMIT_PROPERTY);
            case "off" -> System.setProperty(LIMIT_PROPERTY, "0");
            default -> throw new IllegalArgumentException("physicalBytesCheck is javacpp or off, got "
                    + physicalBytesCheck);
        }
        if ((Pointer.maxPhysicalBytes() == 0) != physicalBytesCheck.equals("off")) {
            throw new IllegalStateException("JavaCPP was initialized before the setting took (maxPhysicalBytes = "
                    + Pointer.maxPhysicalBytes() + "); run with -f 1 or more");
        }
        folders = Files.createTempDirectory("dqn-benchmark");
    }

    @Benchmark
    public double training() {
        return train();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_API, "-XX:+UseParallelGC"})
    public double trainingParallelGc() {
        return train();
    }

    private double train() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("kind", DqnTrainer.KIND);
        raw.put("family", "logistic-regression");
        raw.put("seed", 20160606);
        raw.put("threads", 1);
        raw.put("conditions", 90);
        raw.put("rounds", 1);
        raw.put("stepsPerRound", STEPS);
        long spent = BenchmarkTraining.train(new DqnTrainer.Provider(), raw, folders.resolve("run-" + trainings++));
        if (spent != PROBLEM_STEPS) {
            throw new IllegalStateException("a unit spent " + spent + " problem-steps, not " + PROBLEM_STEPS);
        }
        return spent;
    }

    @TearDown
    public void tearDown() throws IOException {
        AtomicFiles.deleteTree(folders);
    }
}
