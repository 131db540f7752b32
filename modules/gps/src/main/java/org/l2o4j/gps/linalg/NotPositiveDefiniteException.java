package org.l2o4j.gps.linalg;

/** A matrix that had to be positive definite was not; the message names the matrix. */
public final class NotPositiveDefiniteException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
