package org.l2o4j.core.run;

import java.nio.file.Path;

/** A child process for {@link RunFolderTest}: stages a run and waits to be killed. */
public final class StagingHolder {

    private StagingHolder() {
    }

    /** Stages a run under {@code args[0]} and sleeps. */
    public static void main(String[] args) throws Exception {
        RunFolder run = RunFolder.create(Path.of(args[0]), "exp");
        run.writeString("results.csv", "partial");
        Thread.sleep(60_000);
    }
}
