package org.l2o4j.benchmarks;

import org.l2o4j.core.vector.VectorApi;

/** JVM options that every benchmark fork is given, so that forks measure what the build, tests and {@code l2o} run. */
final class BenchmarkJvm {

    /**
     * The incubator Vector API, on which the policy's forward pass and the logistic-regression kernel run
     * (docs/performance.md); the fork prints one "Using incubator modules" warning.
     */
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    private BenchmarkJvm() {
    }

    /**
     * Selects the kernels of this fork by a benchmark parameter: {@code "vector"} runs the Vector API kernels (the
     * default of the build and of {@code l2o}), {@code "scalar"} the plain loops ({@code -Dl2o.vector=false}), so one
     * JMH run compares the two. Call it first in the trial's setup: each parameter value runs in forks of its own,
     * and the property must be set before {@link VectorApi} reads it.
     *
     * @throws IllegalStateException if the choice did not take (no fork, or no Vector API module)
     */
    static void selectKernels(String kernels) {
        boolean vector = switch (kernels) {
            case "vector" -> true;
            case "scalar" -> false;
            default -> throw new IllegalArgumentException("kernels are vector or scalar, got " + kernels);
        };
        System.setProperty("l2o.vector", String.valueOf(vector));
        if (VectorApi.AVAILABLE != vector) {
            throw new IllegalStateException("the " + kernels + " kernels need a fork of their own with "
                    + VECTOR_API + " (run with -f 1 or more)");
        }
    }
}
