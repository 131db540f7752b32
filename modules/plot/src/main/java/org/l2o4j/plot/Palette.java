package org.l2o4j.plot;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per label (usually per optimizer), the same in every figure of a run.
 *
 * <p>Colours are assigned by position in the list the palette is built from, never by hashing a name, so a run that
 * builds its palette from its configured optimizers, in configuration order, colours Adam the same in the loss
 * plot, the margin plot and the contour, even when a figure shows only some of the optimizers. The first ten colours
 * are the Tableau 10 set (distinct for most forms of colour blindness, readable in grey print); further labels
 * cycle through them again, one shade darker per round.
 */
public final class Palette {

    private static final Color[] BASE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };

    private final Map<String, Color> colours;

    private Palette(Map<String, Color> colours) {
        this.colours = Collections.unmodifiableMap(colours);
    }

    /** A palette for these labels, coloured in this order; labels must be distinct and non-blank. */
    public static Palette of(List<String> labels) {
        Map<String, Color> colours = new LinkedHashMap<>();
        for (String label : labels) {
            Inputs.label("palette", label);
            if (colours.containsKey(label)) {
                throw new IllegalArgumentException("palette label '" + label + "' appears twice in " + labels
                        + "; each label gets one colour");
            }
            colours.put(label, colourAt(colours.size()));
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

    private static Color colourAt(int index) {
        Color c = BASE[index % BASE.length];
        for (int round = index / BASE.length; round > 0; round--) {
            c = c.darker();
        }
        return c;
    }

    @Override
    public String toString() {
        return "Palette" + colours.keySet();
    }
}
