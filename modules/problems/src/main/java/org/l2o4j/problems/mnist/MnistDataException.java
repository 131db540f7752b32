package org.l2o4j.problems.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * MNIST data that cannot be had or cannot be trusted: a missing file, a bad magic number, a size that disagrees with
 * its header, a checksum mismatch, a failed download. The message names the file (or URL) and the problem, and where
 * there is one, the way out. Unchecked and I/O-flavoured, so the command line reports it as one line.
 */
public final class MnistDataException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /** A problem found in the data themselves. */
    public MnistDataException(String message) {
        super(message, new IOException(message));
    }

    /** A problem raised by the file system or the network. */
    public MnistDataException(String message, IOException cause) {
        super(message, cause);
    }
}
