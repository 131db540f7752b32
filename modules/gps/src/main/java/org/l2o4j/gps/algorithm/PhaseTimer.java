package org.l2o4j.gps.algorithm;

import java.util.function.Supplier;

/**
 * Wall-clock seconds per phase of one GPS iteration ({@link IterationRecord.PhaseSeconds}), summed over every time
 * a phase runs (BADMM's inner loop runs the S-step, the linearization and the C-step several times). One instance
 * per iteration, on the calling thread.
 */
final class PhaseTimer {

    /** The phases of {@link IterationRecord.PhaseSeconds}, in its order. */
    enum Phase {
        SAMPLING, DYNAMICS, LINEARIZATION, C_STEP, S_STEP, EVALUATION
    }

    private final long[] nanos = new long[Phase.values().length];

    /** Runs {@code work}, adding its duration to {@code phase}. */
    <T> T time(Phase phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos[phase.ordinal()] += System.nanoTime() - start;
        }
    }

    /** Runs {@code work}, adding its duration to {@code phase}. */
    void run(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** The seconds so far. */
    IterationRecord.PhaseSeconds seconds() {
        return new IterationRecord.PhaseSeconds(seconds(Phase.SAMPLING), seconds(Phase.DYNAMICS),
                seconds(Phase.LINEARIZATION), seconds(Phase.C_STEP), seconds(Phase.S_STEP),
                seconds(Phase.EVALUATION));
    }

    private double seconds(Phase phase) {
        return nanos[phase.ordinal()] * 1e-9;
    }
}
