package org.l2o4j.problems;

import java.util.Arrays;

/**
 * Conversions between the {@code double[][]} rows that users and exports see and the flat row-major arrays the
 * problems loop over (one contiguous block, so the hot loops stream through memory).
 */
public final class RowMajor {

    private RowMajor() {
    }

    /** A flat row-major copy of {@code rows}, after checking that every row has {@code columns} finite entries. */
    public static double[] flatten(String name, double[][] rows, int columns) {
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns) {
                throw new IllegalArgumentException(name + " row " + i + " has " + rows[i].length
                        + " entries, expected " + columns);
            }
            for (int j = 0; j < columns; j++) {
                flat[i * columns + j] = DataChecks.finiteEntry(name, rows[i][j], "row " + i + " column " + j);
            }
        }
        return flat;
    }

    /** The rows of a flat row-major matrix with {@code columns} columns, as fresh arrays. */
    public static double[][] rows(double[] flat, int columns) {
        double[][] out = new double[flat.length / columns][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        }
        return out;
    }
}
