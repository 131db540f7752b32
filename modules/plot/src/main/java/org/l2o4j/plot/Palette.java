package org.l2o4j.plot;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per label (usually per optimizer), the same in every figure of a run, and for the registered optimizers
 * the same in every run.
 *
 * <p>The registered optimizers' names ({@code gradient-descent}, {@code momentum}, {@code adam}, ...) have fixed
 * colours ({@link #STANDARD}), so gradient descent is the same blue in {@code reproduce} and in {@code evaluate},
 * whatever else a figure shows. Any other label (a learned optimizer's, a custom one) takes a colour by its position
 * among the palette's other labels, never by hashing, from the colours no registered name uses, so a run that builds
 * its palette in configuration order colours it the same in every figure. The baselines' colours are from Tableau
 * 20 (distinct for most forms of colour blindness); free labels beyond the six free colours cycle again, each round
 * paler.
 */
public final class Palette {

    /**
     * The colours of labels that are not registered optimizer names, in order of position: dark and saturated, so
     * that a learned optimizer (the usual first such label) stands out against the baselines.
     */
    private static final Color[] BASE = {
        new Color(0x222222), new Color(0xC51B7D), new Color(0x1A9850), new Color(0x3F007D), new Color(0x8C510A),
        new Color(0x01665E),
    };

    /**
     * The fixed colours of the registered optimizers: Tableau 10 and 20 for the hand-designed ones, dark saturated
     * colours for the learned ones so that they stand out; none of them is in {@link #BASE}.
     */
    public static final Map<String, Color> STANDARD = Map.ofEntries(
            Map.entry("gradient-descent", new Color(0x4E79A7)),
            Map.entry("momentum", new Color(0xF28E2B)),
            Map.entry("nesterov", new Color(0x76B7B2)),
            Map.entry("rmsprop", new Color(0xB07AA1)),
            Map.entry("adam", new Color(0x59A14F)),
            Map.entry("adagrad", new Color(0x9C755F)),
            Map.entry("lbfgs", new Color(0x79706E)),
            Map.entry("conjugate-gradient", new Color(0xE15759)),
            Map.entry("conjugate-gradient-ls", new Color(0xFF9DA7)),
            Map.entry("newton", new Color(0xB6992D)),
            Map.entry("predicted-step-descent", new Color(0xA50F15)),
            Map.entry("lstm-optimizer", new Color(0x08519C)),
            Map.entry("gru-optimizer", new Color(0x6A3D9A)),
            Map.entry("dqn-step-control", new Color(0x525252)));

    private final Map<String, Color> colours;

    private Palette(Map<String, Color> colours) {
        this.colours = Collections.unmodifiableMap(colours);
    }

    /** A palette for these labels, coloured in this order; labels must be distinct and non-blank. */
    public static Palette of(List<String> labels) {
        Map<String, Color> colours = new LinkedHashMap<>();
        int free = 0;
        for (String label : labels) {
            Inputs.label("palette", label);
            if (colours.containsKey(label)) {
                throw new IllegalArgumentException("palette label '" + label + "' appears twice in " + labels
                        + "; each label gets one colour");
            }
            Color standard = STANDARD.get(label);
            colours.put(label, standard != null ? standard : colourAt(free++));
        }
        return new Palette(colours);
    }

    /** A palette for these labels, coloured in this order. */
    public static Palette of(String... labels) {
        return of(List.of(labels));
    }

    /** The colour of {@code label}; fails, listing the known labels, when the palette was built without it. */
    public Color colorOf(String label) {
        Color c = colours.get(label);
        if (c == null) {
            throw new IllegalArgumentException("label '" + label + "' is not in the palette " + labels()
                    + "; build the palette from every label of the run");
        }
        return c;
    }

    /** The labels, in the order their colours were assigned. */
    public List<String> labels() {
        return List.copyOf(colours.keySet());
    }

    /** Round r of the free colours is the base colour mixed with white by 1 − 0.6^r (the base colours are dark). */
    private static Color colourAt(int index) {
        Color c = BASE[index % BASE.length];
        double white = 1 - Math.pow(0.6, index / BASE.length);
        return new Color(mix(c.getRed(), white), mix(c.getGreen(), white), mix(c.getBlue(), white));
    }

    private static int mix(int channel, double white) {
        return (int) Math.round(channel + (255 - channel) * white);
    }

    @Override
    public String toString() {
        return "Palette" + colours.keySet();
    }
}
