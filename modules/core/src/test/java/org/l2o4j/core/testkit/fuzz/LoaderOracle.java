package org.l2o4j.core.testkit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a fuzzed loader may do with an input (docs/reliability.md): load it, or refuse it with its own error whose
 * message is one non-empty line (what {@code l2o} prints as {@code l2o: error: ...}), in both cases without allocating
 * more than a bound. Anything else fails the input, which Jazzer reports as a finding: another exception, the own
 * error in several lines or none, an allocation past the bound (a damaged length field taken at its word), an
 * {@link OutOfMemoryError} or a {@link StackOverflowError}.
 *
 * <p>A test class registers one as a static {@code @RegisterExtension} field and calls {@link #check} from its single
 * {@link LoaderFuzzTest}; the oracle refuses a class with more than one (fuzzing would silently skip the others) and
 * prints after the class what it saw: inputs, accepted, refused, the largest allocation and the slowest input.
 */
public final class LoaderOracle implements BeforeAllCallback, AfterAllCallback {

    /** One load of one input. */
    @FunctionalInterface
    public interface Load {
        /** Runs the loader; its result is not needed. */
        void run() throws Exception;
    }

    /** What a loader's valid seeds are called in its inputs directory. */
    private static final String SEED_PREFIX = "valid-";

    private final String loader;
    private final long allocationBoundBytes;
    private final Predicate<Throwable> ownError;
    private long accepted;
    private long refused;
    private long mostAllocatedBytes;
    private long slowestNanos;

    /**
     * @param loader               the loader's name, for messages and the summary
     * @param allocationBoundBytes the most one input may allocate on the loading thread
     * @param ownError             whether a throwable is the loader's own error (its message is checked here)
     */
    public LoaderOracle(String loader, long allocationBoundBytes, Predicate<Throwable> ownError) {
        this.loader = loader;
        this.allocationBoundBytes = allocationBoundBytes;
        this.ownError = ownError;
    }

    /**
     * Runs one load and fails unless it returned or threw the loader's own one-line error, within the allocation
     * bound. Errors of the virtual machine are rethrown as they are, so that Jazzer names them.
     */
    public void check(Load load) {
        Attempt first = attempt(load);
        Attempt measured = first;
        if (first.bytes() > mostAllocatedBytes) {
            // A load that takes a path no input took before also loads (and, when fuzzing, instruments) that path's
            // classes on this thread; a second load of the same input tells what the input itself costs.
            measured = attempt(load);
        }
        long bytes = measured.bytes();
        mostAllocatedBytes = Math.max(mostAllocatedBytes, bytes);
        slowestNanos = Math.max(slowestNanos, measured.nanos());
        Throwable thrown = first.thrown();
        if (bytes > allocationBoundBytes) {
            throw new AssertionError(loader + " allocated " + bytes + " bytes for one input, more than its bound of "
                    + allocationBoundBytes + (thrown == null ? "" : " (and then threw " + thrown + ")"), thrown);
        }
        if (thrown == null) {
            accepted++;
            return;
        }
        String message = thrown.getMessage();
        if (!ownError.test(thrown) || message == null || message.isBlank() || message.lines().count() != 1) {
            throw new AssertionError(loader + " failed with something other than its own one-line error: " + thrown,
                    thrown);
        }
        refused++;
    }

    /** One run of a load: what it threw (null if nothing), what it allocated on this thread and how long it took. */
    private record Attempt(Throwable thrown, long bytes, long nanos) {
    }

    private static Attempt attempt(Load load) {
        long bytesBefore = Allocation.onThisThread();
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            load.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            thrown = e;
        }
        return new Attempt(thrown, Allocation.onThisThread() - bytesBefore, System.nanoTime() - start);
    }

    /**
     * The valid seeds in the inputs directory of {@code testClass}'s fuzz test (the files named {@code valid-*}),
     * for a test that they load: a seed the loader refuses would start the fuzzer from the wrong place.
     */
    public static List<byte[]> seeds(Class<?> testClass) {
        Method method = fuzzTestOf(testClass);
        URL directory = testClass.getResource(testClass.getSimpleName() + "Inputs/" + method.getName());
        if (directory == null) {
            throw new AssertionError(testClass.getName() + " has no inputs directory " + testClass.getSimpleName()
                    + "Inputs/" + method.getName() + " among its test resources");
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            List<byte[]> seeds = files.filter(f -> f.getFileName().toString().startsWith(SEED_PREFIX)).sorted()
                    .map(LoaderOracle::read).toList();
            if (seeds.isEmpty()) {
                throw new AssertionError(directory + " holds no " + SEED_PREFIX + "* seed");
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class's only {@link LoaderFuzzTest} method. */
    private static Method fuzzTestOf(Class<?> testClass) {
        List<Method> methods = Arrays.stream(testClass.getDeclaredMethods())
                .filter(m -> AnnotationSupport.isAnnotated(m, LoaderFuzzTest.class)).toList();
        if (methods.size() != 1) {
            throw new AssertionError(testClass.getName() + " declares " + methods.size() + " @LoaderFuzzTest methods;"
                    + " Jazzer fuzzes one per JVM and skips the rest, so a class holds exactly one");
        }
        return methods.get(0);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fuzzTestOf(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.out.println(summary());
    }

    /** One line: the inputs, how they ended, the largest allocation and the slowest input. */
    public String summary() {
        return String.format(Locale.ROOT, "fuzz %s: inputs=%d accepted=%d refused=%d most-allocated=%d bytes"
                + " slowest=%.3f s", loader, accepted + refused, accepted, refused, mostAllocatedBytes,
                slowestNanos / 1e9);
    }
}
