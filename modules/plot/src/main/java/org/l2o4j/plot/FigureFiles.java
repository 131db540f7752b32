package org.l2o4j.plot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The two files {@link Figures#write} produced for one chart.
 *
 * @param png the raster image, for quick viewing and HTML reports
 * @param svg the vector image, for papers
 */
public record FigureFiles(Path png, Path svg) {

    /** Rejects null paths. */
    public FigureFiles {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(svg, "svg");
    }
}
