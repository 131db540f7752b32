package org.l2o4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The meter's counts and sizes against an independent serialization of the same units and results. */
class EngineMeterTest {

    /** Returns an array of {@code size} doubles. */
    private record Fill(int size) implements Unit<double[]> {
        @Override
        public String name() {
            return "fill " + size;
        }

        @Override
        public double[] run() {
            return new double[size];
        }
    }

    @Test
    void countsRoundsUnitsAndSerializedBytesPerStage() throws IOException {
        EngineMeter meter = new EngineMeter(true);
        List<Fill> first = List.of(new Fill(10), new Fill(1000));
        List<Fill> second = List.of(new Fill(3));
        try (Engine engine = meter.wrap(new LocalEngine(2))) {
            assertEquals(1000, engine.run("sample", first, done -> { }).get(1).length);
            engine.run("sample", second, done -> { });
            engine.run("fit", first, done -> { });
        }
        List<EngineMeter.Stage> stages = meter.stages();
        assertEquals(List.of("sample", "fit"), stages.stream().map(EngineMeter.Stage::name).toList());
        EngineMeter.Stage sample = stages.get(0);
        assertEquals(2, sample.rounds());
        assertEquals(3, sample.units());
        List<Fill> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(serialized(all), sample.unitBytes());
        assertEquals(serialized(List.of(new double[10], new double[1000], new double[3])), sample.resultBytes());
        assertTrue(sample.resultBytes() > 8 * 1013, "the results hold 1,013 doubles");
        String csv = meter.csv();
        assertEquals("stage,rounds,units,seconds,ms_per_unit,unit_bytes,result_bytes,kib_per_unit",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("sample,2,3,"), csv);
    }

    @Test
    void withoutBytesOnlyCounts() {
        EngineMeter meter = new EngineMeter(false);
        meter.wrap(new LocalEngine(1)).run("tune", List.of(new Fill(5)), done -> { });
        EngineMeter.Stage tune = meter.stages().get(0);
        assertEquals(1, tune.units());
        assertEquals(-1, tune.unitBytes());
        assertEquals(-1, tune.resultBytes());
        assertTrue(meter.csv().lines().skip(1).findFirst().orElseThrow().endsWith(",,,"), meter.csv());
    }

    /** Each value in a stream of its own, as a cluster ships each unit as its own task. */
    private static long serialized(List<?> values) throws IOException {
        long total = 0;
        for (Object value : values) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            total += bytes.size();
        }
        return total;
    }
}
