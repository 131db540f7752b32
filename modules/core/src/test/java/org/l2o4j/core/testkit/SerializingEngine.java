package org.l2o4j.core.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

import org.l2o4j.core.engine.Engine;
import org.l2o4j.core.engine.Unit;

/**
 * An engine that does to units what a cluster does, without one: every unit is written through Java serialization and
 * read back before it runs, its result likewise after, and the units run in reverse order on the calling thread. Code
 * that passes with it ships nothing that cannot travel (a captured lambda, a live object without
 * {@link Serializable}) and depends neither on the order units run in nor on sharing memory with the driver, which
 * is what the Spark engine needs; the contract kits run every trainer on it. It also counts the units and bytes it
 * shipped, for tests that check work really went through the engine.
 */
public final class SerializingEngine implements Engine {

    private long units;
    private long bytes;

    @Override
    public String description() {
        return "serializing test engine";
    }

    @Override
    public <T extends Serializable> List<T> run(String stage, List<? extends Unit<T>> work, IntConsumer finished) {
        List<T> results = new ArrayList<>(Collections.nCopies(work.size(), null));
        int done = 0;
        for (int k = work.size() - 1; k >= 0; k--) {
            @SuppressWarnings("unchecked")
            Unit<T> unit = (Unit<T>) roundTrip(work.get(k), stage);
            @SuppressWarnings("unchecked")
            T result = (T) roundTrip(unit.run(), stage);
            results.set(k, result);
            units++;
            finished.accept(++done);
        }
        return results;
    }

    private Object roundTrip(Object value, String stage) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
                out.writeObject(value);
            }
            bytes += buffer.size();
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
                return in.readObject();
            }
        } catch (NotSerializableException e) {
            throw new AssertionError("stage '" + stage + "' ships something that cannot be serialized: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Units run so far. */
    public long units() {
        return units;
    }

    /** Bytes shipped so far, both ways. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
