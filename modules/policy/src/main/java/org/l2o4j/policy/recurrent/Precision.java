package org.l2o4j.policy.recurrent;

import java.util.Arrays;
import java.util.List;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.vector.VectorApi;

/**
 * The arithmetic a recurrent learned optimizer runs in, applying it and meta-training it alike. {@link #DOUBLE} is the
 * reference and the default. {@link #FLOAT} runs the cells' steps and backward passes in single precision on the
 * incubator Vector API ({@link FloatCells}, twice the coordinates per vector): its updates differ from the double
 * network's by the rounding of single precision (a few 2^-24 relative per operation, checked in the tests), its
 * results are as reproducible as double's (the same bits for the same seed on any thread count), and what a
 * researcher keeps stays in double: the trained parameters, the meta-gradient's sums over coordinates, the optimizee's
 * iterates and the recurrent state's array (holding numbers that single precision represents exactly).
 */
public enum Precision {
    /** IEEE double throughout; the reference. */
    DOUBLE("double"),
    /** The cells in IEEE single precision on the Vector API; parameters and gradient sums in double. */
    FLOAT("float");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** The name used in training files and checkpoints. */
    public String label() {
        return label;
    }

    /** The labels, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Precision::label).toList();
    }

    /**
     * The precision named {@code label}.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Precision fromLabel(String label) {
        for (Precision p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + label + "'; use one of " + labels());
    }

    /**
     * Checks that this JVM can run this precision: single precision exists only on the Vector API (a scalar float
     * copy of the cells would be a second reference to keep equal, and slower than double's vector path).
     *
     * @throws ConfigException for {@link #FLOAT} without the Vector API, saying how to get it
     */
    public void requireSupported() {
        if (this == FLOAT && !VectorApi.AVAILABLE) {
            throw new ConfigException("precision 'float' runs on the incubator Vector API only: start the JVM with "
                    + "--add-modules jdk.incubator.vector (the l2o launcher, the build and the benchmarks do) and "
                    + "without -Dl2o.vector=false, or use precision 'double'");
        }
    }
}
