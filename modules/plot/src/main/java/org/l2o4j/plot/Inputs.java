package org.l2o4j.plot;

import java.util.Objects;

/** Validation shared by the plain-data records, so that every one of them fails with the same kind of message. */
final class Inputs {

    private Inputs() {
    }

    /** Returns {@code label} when it is a usable legend entry; {@code kind} names the record in the message. */
    static String label(String kind, String label) {
        Objects.requireNonNull(label, kind + " label");
        if (label.isBlank()) {
            throw new IllegalArgumentException(kind + " label is blank; give each " + kind
                    + " the name its legend entry should show");
        }
        return label;
    }

    /**
     * Checks that the named arrays are non-null and equally long; the message names the record, its label and every
     * length, which is what one needs to find the caller that built them.
     */
    static void sameLengths(String kind, String label, String[] names, double[]... arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) {
                throw new NullPointerException(kind + " '" + label + "': " + names[i] + " is null");
            }
        }
        boolean equal = true;
        for (double[] a : arrays) {
            equal &= a.length == arrays[0].length;
        }
        if (!equal) {
            StringBuilder lengths = new StringBuilder();
            for (int i = 0; i < arrays.length; i++) {
                lengths.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(arrays[i].length);
            }
            throw new IllegalArgumentException(kind + " '" + label + "': arrays differ in length (" + lengths
                    + "); every point needs one value in each");
        }
    }

    /** The indices 0..n-1 as doubles: the x values of a series recorded once per iteration. */
    static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
