package org.l2o4j.policy.recurrent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a recurrent learned optimizer is: cell, size, input preprocessing, output scale and the arithmetic it runs in.
 * Everything a checkpoint needs to rebuild the network besides its parameters.
 *
 * @param cell          {@link Cell#LSTM} (Andrychowicz et al.) or {@link Cell#GRU} (Maheswaranathan et al.)
 * @param layers        stacked recurrent layers; 2 for the LSTM (papers.md §2.1); the GRU has exactly 1
 * @param hiddenUnits   units per layer; 20 for the LSTM (papers.md §2.1)
 * @param preprocessing how gradients become input features
 * @param outputScale   Δθ = outputScale · readout; 0.1 in the paper (papers.md §2.1; DeepMind's code: 0.01), 1 on
 *                      renn's quadratic (§3.2)
 * @param precision     {@link Precision#DOUBLE} (the reference) or {@link Precision#FLOAT}
 */
public record RecurrentSpec(Cell cell, int layers, int hiddenUnits, Preprocessing preprocessing,
        double outputScale, Precision precision) {

    /** The recurrent cell. */
    public enum Cell {
        /** Coordinatewise LSTM stack, {@link CoordinatewiseLstm}. */
        LSTM("lstm"),
        /** Component-wise single-layer GRU, {@link ComponentwiseGru}. */
        GRU("gru");

        private final String label;

        Cell(String label) {
            this.label = label;
        }

        /** The name used in configuration and checkpoints. */
        public String label() {
            return label;
        }

        /** The cell named {@code label}; the error lists the valid names. */
        public static Cell fromLabel(String label) {
            for (Cell c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown cell '" + label + "'; use \"lstm\" or \"gru\"");
        }
    }

    /** Andrychowicz et al.'s LSTM width and depth (papers.md §2.1). */
    public static final int PAPER_LSTM_LAYERS = 2;
    /** Andrychowicz et al.'s LSTM width (papers.md §2.1). */
    public static final int PAPER_LSTM_UNITS = 20;
    /** Andrychowicz et al.'s output scale (papers.md §2.1, MNIST). */
    public static final double PAPER_OUTPUT_SCALE = 0.1;
    /**
     * The GRU width of renn's quadratic tutorial (papers.md §3.2); the paper's own width is not known, so this is a
     * default to expose, not a fact.
     */
    public static final int RENN_TUTORIAL_GRU_UNITS = 64;

    public RecurrentSpec {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given (lstm or gru)");
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        }
        if (cell == Cell.GRU && layers != 1) {
            throw new IllegalArgumentException("the component-wise GRU has exactly one layer, got layers=" + layers);
        }
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hiddenUnits must be at least 1, got " + hiddenUnits);
        }
        if (preprocessing == null) {
            throw new IllegalArgumentException("preprocessing must be given");
        }
        if (!(outputScale > 0) || !Double.isFinite(outputScale)) {
            throw new IllegalArgumentException("outputScale must be finite and > 0, got " + outputScale);
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be given (" + Precision.labels() + ")");
        }
    }

    /** A network in double precision, the reference. */
    public RecurrentSpec(Cell cell, int layers, int hiddenUnits, Preprocessing preprocessing, double outputScale) {
        this(cell, layers, hiddenUnits, preprocessing, outputScale, Precision.DOUBLE);
    }

    /** This network in {@code precision}. */
    public RecurrentSpec withPrecision(Precision precision) {
        return new RecurrentSpec(cell, layers, hiddenUnits, preprocessing, outputScale, precision);
    }

    /** Andrychowicz et al.'s optimizer: LSTM 2 × 20, log-and-sign with p = 10, output × 0.1. */
    public static RecurrentSpec paperLstm() {
        return new RecurrentSpec(Cell.LSTM, PAPER_LSTM_LAYERS, PAPER_LSTM_UNITS, LogAndSign.paper(),
                PAPER_OUTPUT_SCALE);
    }

    /** Maheswaranathan et al.'s optimizer as on renn's quadratic: GRU, raw gradient × 1, output × 1. */
    public static RecurrentSpec rennGru(int hiddenUnits) {
        return new RecurrentSpec(Cell.GRU, 1, hiddenUnits, new ScaledGradient(1.0), 1.0);
    }

    /** The network. */
    public RecurrentNet create() {
        return cell == Cell.LSTM ? new CoordinatewiseLstm(this) : new ComponentwiseGru(this);
    }

    /** The settings for provenance and hyperparameter listings. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", cell.label());
        m.put("layers", layers);
        m.put("hiddenUnits", hiddenUnits);
        m.put("preprocessing", preprocessing.describe());
        m.put("outputScale", outputScale);
        m.put("precision", precision.label());
        return m;
    }
}
