package org.l2o4j.core.engine;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Counts what passes through engines: per stage (the {@code stage} argument of {@link Engine#run}), the rounds, the
 * units, the wall-clock seconds of the rounds, and, when asked, the bytes each unit and each result takes in Java
 * serialization, which is what a cluster engine ships (Spark's default serializer for tasks). These are the numbers a
 * plan for a bigger cluster starts from (docs/scaling.md). Measuring the bytes serializes every unit and result once
 * more on the calling JVM, so it is off unless asked for. One meter may wrap several engines (a comparison's tuning
 * and evaluation engines); stages keep the order they were first seen in.
 */
public final class EngineMeter {

    /**
     * What one stage cost.
     *
     * @param name        the stage
     * @param rounds      calls of {@link Engine#run} with this stage
     * @param units       units over all rounds
     * @param seconds     wall-clock of the rounds, from the call to the last result
     * @param unitBytes   the units' serialized sizes, summed; -1 when bytes were not measured
     * @param resultBytes the results' serialized sizes, summed; -1 when bytes were not measured
     */
    public record Stage(String name, long rounds, long units, double seconds, long unitBytes, long resultBytes) {
    }

    private final boolean measureBytes;
    private final Map<String, Stage> stages = new LinkedHashMap<>();

    /**
     * @param measureBytes also measure the serialized size of every unit and result
     */
    public EngineMeter(boolean measureBytes) {
        this.measureBytes = measureBytes;
    }

    /** {@code engine}, with every round counted by this meter; closing it closes {@code engine}. */
    public Engine wrap(Engine engine) {
        return new Engine() {
            @Override
            public String description() {
                return engine.description();
            }

            @Override
            public <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> units,
                    IntConsumer finished) {
                long unitBytes = measureBytes ? bytes(units) : -1;
                long started = System.nanoTime();
                List<T> results = engine.run(stage, units, finished);
                double seconds = (System.nanoTime() - started) * 1e-9;
                record(stage, units.size(), seconds, unitBytes, measureBytes ? bytes(results) : -1);
                return results;
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    private synchronized void record(String stage, int units, double seconds, long unitBytes, long resultBytes) {
        Stage before = stages.getOrDefault(stage, new Stage(stage, 0, 0, 0, measureBytes ? 0 : -1,
                measureBytes ? 0 : -1));
        stages.put(stage, new Stage(stage, before.rounds() + 1, before.units() + units, before.seconds() + seconds,
                measureBytes ? before.unitBytes() + unitBytes : -1,
                measureBytes ? before.resultBytes() + resultBytes : -1));
    }

    /** The stages so far, in the order first seen. */
    public synchronized List<Stage> stages() {
        return new ArrayList<>(stages.values());
    }

    /**
     * The stages as CSV: {@code stage,rounds,units,seconds,ms_per_unit,unit_bytes,result_bytes,kib_per_unit} (the
     * byte columns empty when not measured).
     */
    public synchronized String csv() {
        StringBuilder out = new StringBuilder("stage,rounds,units,seconds,ms_per_unit,unit_bytes,result_bytes,"
                + "kib_per_unit\n");
        for (Stage s : stages.values()) {
            boolean measured = s.unitBytes() >= 0;
            out.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%s,%s,%s%n", s.name(), s.rounds(), s.units(),
                    s.seconds(), s.units() == 0 ? 0.0 : 1e3 * s.seconds() / s.units(),
                    measured ? Long.toString(s.unitBytes()) : "", measured ? Long.toString(s.resultBytes()) : "",
                    measured && s.units() > 0 ? String.format(Locale.ROOT, "%.1f",
                            (s.unitBytes() + s.resultBytes()) / 1024.0 / s.units()) : ""));
        }
        return out.toString();
    }

    private static long bytes(List<?> values) {
        CountingStream count = new CountingStream();
        for (Object value : values) {
            try (ObjectOutputStream out = new ObjectOutputStream(count)) {
                out.writeObject(value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot measure a unit's serialized size: " + e.getMessage(), e);
            }
        }
        return count.count;
    }

    /** Counts bytes and keeps none. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
