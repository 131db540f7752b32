package org.l2o4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.ConfigException;

class LocalEngineTest {

    /** A unit that squares its index after a pause that makes later units finish first on several threads. */
    record Square(int index) implements Unit<Integer> {
        @Override
        public String name() {
            return "square " + index;
        }

        @Override
        public Integer run() {
            try {
                Thread.sleep(20 - index);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (index == 13) {
                throw new IllegalStateException("thirteen\nsecond line");
            }
            return index * index;
        }
    }

    @Test
    void resultsComeBackInTheUnitsOrderOnAnyThreadCount() {
        List<Square> units = IntStream.range(0, 12).mapToObj(Square::new).toList();
        List<Integer> expected = IntStream.range(0, 12).map(i -> i * i).boxed().toList();
        for (int threads : new int[] {1, 3, 8}) {
            List<Integer> counts = new ArrayList<>();
            try (Engine e = new LocalEngine(threads)) {
                assertEquals(expected, e.run("square", units, counts::add), threads + " threads");
            }
            assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), counts, "finished counts, one call each");
        }
    }

    @Test
    void aFailingUnitIsNamedInOneLine() {
        List<Square> units = IntStream.range(10, 16).mapToObj(Square::new).toList();
        UnitFailedException e = assertThrows(UnitFailedException.class,
                () -> new LocalEngine(2).run("square", units, done -> { }));
        assertEquals("square 13", e.unit());
        assertEquals("unit 'square 13' failed: thirteen", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void badInputKeepsItsOwnOneLineError() {
        ConfigException bad = new ConfigException("family 'x' is unknown");
        Unit<Integer> unit = new Unit<>() {
            @Override
            public String name() {
                return "bad";
            }

            @Override
            public Integer run() {
                throw bad;
            }
        };
        assertSame(bad, assertThrows(ConfigException.class, () -> new LocalEngine(1).run("s", List.of(unit),
                done -> { })));
    }

    @Test
    void enginesAreFoundByName() {
        assertEquals(LocalEngineProvider.NAME, Engines.providers().get(0).name());
        try (Engine e = Engines.open("local", new EngineSettings("", 3, "test"))) {
            assertEquals("local, 3 threads", e.description());
        }
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> Engines.open("nosuch", new EngineSettings("", 1, "test")));
        assertTrue(unknown.getMessage().startsWith("no engine called 'nosuch'; the engines here are [local"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalEngine(0));
    }
}
