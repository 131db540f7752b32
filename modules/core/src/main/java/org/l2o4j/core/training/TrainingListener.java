package org.l2o4j.core.training;

/**
 * What a trainer tells the person watching: where a session starts and each unit of work done. The CLI turns it into
 * a progress bar with ETA and printed lines; tests ignore it.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
        @Override
        public void started(long done, long budget, String headline) {
        }

        @Override
        public void progressed(long done, String line) {
        }
    };

    /**
     * Once per session, before the first unit.
     *
     * @param done     units already done (from a checkpoint; 0 for a fresh run)
     * @param budget   units the run asks for in total
     * @param headline one line saying what is trained on what
     */
    void started(long done, long budget, String headline);

    /**
     * After a unit of work, or to report something between units.
     *
     * @param done units done so far in the whole run
     * @param line a one-line report, or empty for none
     */
    void progressed(long done, String line);
}
