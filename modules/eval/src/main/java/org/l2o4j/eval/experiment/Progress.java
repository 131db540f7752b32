package org.l2o4j.eval.experiment;

/**
 * Where long work reports how far it is, so the CLI can draw a progress bar with an ETA while tests stay silent.
 */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (name, total) -> new Task() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void close() {
        }
    };

    /** Starts a phase of {@code total} units of work. */
    Task begin(String name, long total);

    /** One phase in progress. */
    interface Task extends AutoCloseable {
        /** {@code units} more units are done. */
        void advance(long units);

        @Override
        void close();
    }
}
