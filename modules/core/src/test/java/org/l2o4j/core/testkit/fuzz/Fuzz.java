package org.l2o4j.core.testkit.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A seeded mutation fuzzer for one loader (docs/reliability.md). Input {@code i} is drawn from its own generator,
 * seeded by the run's seed and {@code i}, so any input a report names can be rebuilt alone. Each input is classified:
 * accepted, rejected with the loader's own error in one non-empty line, or a crash (anything else thrown), a hang
 * (longer than {@link #HANG_SECONDS}) or out of memory. The loader runs on a worker thread so that a hang is seen as
 * one rather than stalling the build; a worker stuck past the limit is abandoned and a fresh one started. One worker
 * at a time: fuzzing is single-threaded.
 *
 * <p>The number of inputs and the seed come from the system properties {@code fuzz.inputs} and {@code fuzz.seed}
 * (the build sets them: a few hundred in every build, 100,000 with {@code -Pfuzz-long}).
 */
public final class Fuzz {

    /** An input that takes longer than this to load is a hang. */
    public static final int HANG_SECONDS = 2;
    /** How many failing inputs a report keeps, each a different failure. */
    private static final int KEEP = 8;

    private Fuzz() {
    }

    /** What a loader did with one input. */
    public enum Outcome {
        /** It loaded the input. */
        ACCEPTED,
        /** It refused the input with its own error, in one non-empty line. */
        REJECTED,
        /** Anything else thrown: a bug, never the user's fault. */
        CRASH,
        /** It took longer than {@link #HANG_SECONDS}. */
        HANG,
        /** It ran out of memory, most likely allocating what a length field claimed. */
        OOM
    }

    /** Draws one input; all its randomness comes from the generator it is given. */
    @FunctionalInterface
    public interface Generator<T> {
        /** The next input. */
        T next(SplittableRandom rng);
    }

    /** Reads one input: writes it wherever the loader reads from and returns the load to classify. */
    @FunctionalInterface
    public interface Loader<T> {
        /** The load of {@code input}; preparing it may throw, which counts as a failure of the test itself. */
        Callable<?> prepare(T input) throws Exception;
    }

    /** The number of inputs of this run ({@code fuzz.inputs}, 300 when unset). */
    public static int inputs() {
        return Integer.getInteger("fuzz.inputs", 300);
    }

    /** The seed of this run ({@code fuzz.seed}, 20161010 when unset). */
    public static long seed() {
        return Long.getLong("fuzz.seed", 20161010L);
    }

    /**
     * Fuzzes a loader with {@link #inputs()} inputs from {@link #seed()}, prints one summary line, and fails listing
     * the first failing inputs if any crashed, hung or ran out of memory.
     *
     * @param name   the loader, for the summary
     * @param inputs draws the inputs, e.g. {@link Mutations#of} its valid inputs
     * @param clean  whether a throwable is the loader's own error (its message is checked separately)
     * @param load   runs the loader on one input
     */
    public static <T> Report run(String name, Generator<T> inputs, Predicate<Throwable> clean, Loader<T> load)
            throws Exception {
        Report report = run(name, inputs, clean, load, inputs(), seed());
        System.out.println(report.summary());
        if (!report.failures().isEmpty()) {
            throw new AssertionError(report.summary() + "\n" + String.join("\n\n", report.failures()));
        }
        return report;
    }

    /** {@link #run(String, Generator, Predicate, Loader)} with a given count and seed, without failing. */
    public static <T> Report run(String name, Generator<T> generator, Predicate<Throwable> clean, Loader<T> load,
            int inputs, long seed) throws Exception {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        List<String> failures = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        ExecutorService worker = newWorker();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < inputs; i++) {
                T input = generator.next(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
                Result r = classify(worker, load.prepare(input), clean);
                if (r.outcome() == Outcome.HANG) {
                    worker.shutdownNow();
                    worker = newWorker();
                }
                counts.merge(r.outcome(), 1, Integer::sum);
                if (r.outcome() != Outcome.ACCEPTED && r.outcome() != Outcome.REJECTED && failures.size() < KEEP
                        && signatures.add(signature(r))) {
                    failures.add(r.outcome() + " on input #" + i + ": " + input + "\n" + r.detail());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(name, seed, counts, (System.nanoTime() - start) / 1e9, failures);
    }

    /** What the loader does with its input, with the stack trace of anything but a clean rejection. */
    private static Result classify(ExecutorService worker, Callable<?> load, Predicate<Throwable> clean)
            throws InterruptedException {
        Future<?> f = worker.submit(load);
        try {
            f.get(HANG_SECONDS, TimeUnit.SECONDS);
            return new Result(Outcome.ACCEPTED, "");
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Result(Outcome.HANG, "still loading after " + HANG_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof OutOfMemoryError) {
                return new Result(Outcome.OOM, trace(t));
            }
            String message = t.getMessage();
            if (clean.test(t) && message != null && !message.isBlank() && message.lines().count() == 1) {
                return new Result(Outcome.REJECTED, message);
            }
            return new Result(Outcome.CRASH, trace(t));
        }
    }

    /**
     * What tells one bug from another: the outcome, the exception's class and message shape, and the first frame in
     * L2O4J's own code; a report shows one input per signature.
     */
    private static String signature(Result r) {
        List<String> lines = r.detail().lines().toList();
        String head = lines.isEmpty() ? "" : lines.get(0).replaceAll("[0-9/]+", "");
        String frame = lines.stream().filter(l -> l.strip().startsWith("at org.l2o4j")).findFirst().orElse("");
        return r.outcome() + head.substring(0, Math.min(60, head.length())) + frame;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private record Result(Outcome outcome, String detail) {
    }

    /**
     * The outcome of a run.
     *
     * @param name     the loader
     * @param seed     the run's seed
     * @param counts   inputs per outcome
     * @param seconds  wall-clock time of the run
     * @param failures the first failing input of each kind of failure, with its stack trace
     */
    public record Report(String name, long seed, Map<Outcome, Integer> counts, double seconds,
            List<String> failures) {

        /** How many inputs had {@code outcome}. */
        public int count(Outcome outcome) {
            return counts.get(outcome);
        }

        /** One line: the loader, every count, the time and the seed. */
        public String summary() {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            return String.format("fuzz %s: inputs=%d accepted=%d rejected=%d crash=%d hang=%d oom=%d seconds=%.1f"
                    + " seed=%d", name, total, count(Outcome.ACCEPTED), count(Outcome.REJECTED),
                    count(Outcome.CRASH), count(Outcome.HANG), count(Outcome.OOM), seconds, seed);
        }
    }
}
