package org.l2o4j.plot;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A function of two variables to be shaded over a {@link Grid}, with the texts of its chart.
 *
 * <p>The colour of a cell is {@code valueTransform(f(x, y))} at the cell's centre. A transform makes wide ranges
 * readable: Rosenbrock's values span ten decades over a small window, so {@code v -> Math.log10(v + 1e-12)} shows its
 * curved valley where the raw values would show one dark cell. Cells whose transformed value is not finite are left
 * white.
 *
 * @param labels         title and axis labels
 * @param f              the function, called once per cell
 * @param grid           where and how finely to sample it
 * @param valueTransform applied to each value before it is coloured
 * @param valueLabel     label of the colour scale, naming the transform ("log10(f + 1e-12)")
 */
public record Contour(Labels labels, DoubleBinaryOperator f, Grid grid, DoubleUnaryOperator valueTransform,
        String valueLabel) {

    /** Rejects null components. */
    public Contour {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(valueTransform, "valueTransform");
        Objects.requireNonNull(valueLabel, "valueLabel");
    }

    /** The raw values of {@code f} over {@code grid}, with axes "x" and "y" and the scale labelled "f(x, y)". */
    public static Contour of(String title, DoubleBinaryOperator f, Grid grid) {
        return new Contour(Labels.of(title, "x", "y"), f, grid, DoubleUnaryOperator.identity(), "f(x, y)");
    }

    /** This contour with its values transformed before colouring, and the scale labelled to say how. */
    public Contour withTransform(DoubleUnaryOperator transform, String transformedLabel) {
        return new Contour(labels, f, grid, transform, transformedLabel);
    }

    /** This contour with other title and axis labels. */
    public Contour withLabels(Labels newLabels) {
        return new Contour(newLabels, f, grid, valueTransform, valueLabel);
    }
}
