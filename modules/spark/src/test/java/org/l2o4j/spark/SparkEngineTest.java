package org.l2o4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.EngineSettings;
import org.l2o4j.core.engine.Engines;
import org.l2o4j.core.engine.Unit;
import org.l2o4j.core.engine.UnitFailedException;

/** Spark's local[2] master: order, progress, a retried failure and a unit that fails on every attempt. */
class SparkEngineTest {

    /** Attempts per unit name in this JVM (local executors share it), for the failure tests. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private static Engine engine;

    /** i², failing on the first {@code failures} attempts. */
    record Square(int index, int failures, String tag) implements Unit<Long> {
        @Override
        public String name() {
            return tag + " " + index;
        }

        @Override
        public Long run() {
            int attempt = ATTEMPTS.computeIfAbsent(name(), k -> new AtomicInteger()).incrementAndGet();
            if (attempt <= failures) {
                throw new IllegalStateException("injected failure " + attempt + " of " + name());
            }
            return (long) index * index;
        }
    }

    @BeforeAll
    static void start() {
        engine = Engines.open("spark", new EngineSettings("local[2]", 1, "l2o4j-test"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void resultsComeBackInTheUnitsOrder() {
        List<Square> units = IntStream.range(0, 40).mapToObj(i -> new Square(i, 0, "order")).toList();
        List<Integer> progress = new ArrayList<>();
        List<Long> squares = engine.run("square", units, progress::add);
        assertEquals(IntStream.range(0, 40).mapToObj(i -> (long) i * i).toList(), squares);
        assertEquals(40, progress.get(progress.size() - 1));
        for (int k = 1; k < progress.size(); k++) {
            assertTrue(progress.get(k) > progress.get(k - 1), "finished counts increase: " + progress);
        }
        assertTrue(engine.description().startsWith("spark, master local[2," + SparkEngine.ATTEMPTS + "]"),
                engine.description());
    }

    @Test
    void aUnitThatFailsOnceIsRetriedAndTheResultsAreTheSame() {
        List<Square> units = IntStream.range(0, 6).mapToObj(i -> new Square(i, i == 3 ? 1 : 0, "retry")).toList();
        assertEquals(List.of(0L, 1L, 4L, 9L, 16L, 25L), engine.run("square", units, done -> { }));
        assertEquals(2, ATTEMPTS.get("retry 3").get(), "the failed unit ran twice");
        assertEquals(1, ATTEMPTS.get("retry 2").get());
    }

    @Test
    void aUnitThatFailsEveryTimeIsNamed() {
        List<Square> units = IntStream.range(0, 4).mapToObj(i -> new Square(i, i == 2 ? 100 : 0, "doomed")).toList();
        UnitFailedException e = assertThrows(UnitFailedException.class, () -> engine.run("square", units,
                done -> { }));
        assertEquals("doomed 2", e.unit());
        assertTrue(e.getMessage().startsWith("unit 'doomed 2' failed: injected failure"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(SparkEngine.ATTEMPTS, ATTEMPTS.get("doomed 2").get(), "Spark tried it " + SparkEngine.ATTEMPTS
                + " times");
    }
}
