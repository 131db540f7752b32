package org.l2o4j.benchmarks;

/** JVM options that every benchmark fork is given, so that forks measure what the build, tests and {@code l2o} run. */
final class BenchmarkJvm {

    /**
     * The incubator Vector API, on which the policy's forward pass and the logistic-regression kernel run
     * (docs/performance.md); the fork prints one "Using incubator modules" warning.
     */
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private BenchmarkJvm() {
    }
}
