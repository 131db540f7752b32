package org.l2o4j.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run folder's page shows, read from its files by {@link RunReader}: tables, figures (SVG documents),
 * provenance and the resolved configuration, in the order a reader wants them.
 *
 * @param folder     the run folder
 * @param kind       what made it
 * @param title      the experiment's or training's name
 * @param subtitle   one line: family, test functions, steps (a comparison) or trainer and budget (a training)
 * @param tables     result tables, first the one a reader looks at first
 * @param figures    figures in reading order
 * @param provenance flattened {@code provenance.json}: seed, command, git commit, versions, machine
 * @param configName the resolved configuration's file name ({@code config.yaml} or {@code training.yaml})
 * @param config     its text
 */
public record RunReport(Path folder, Kind kind, String title, String subtitle, List<Table> tables,
                        List<Figure> figures, Map<String, String> provenance, String configName, String config) {

    /** What kind of run a folder holds. */
    public enum Kind {
        /** {@code l2o reproduce}, {@code compare} or {@code evaluate}: optimizers on held-out test functions. */
        COMPARISON,
        /** {@code l2o train}: a meta-training with its log. */
        TRAINING,
        /** {@code l2o sweep}: one experiment at many points, compared across them. */
        SWEEP
    }

    public RunReport {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /**
     * A table of strings.
     *
     * @param id        a short lower-case name, unique within the page's run (the HTML class names it)
     * @param title     its heading
     * @param caption   how to read it (intervals, units), or empty
     * @param header    column names
     * @param rows      cells, each row as long as the header
     * @param collapsed shown folded (long tables such as a training's whole log)
     */
    public record Table(String id, String title, String caption, List<String> header, List<List<String>> rows,
                        boolean collapsed) {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("table '" + id + "': a row of " + row.size() + " cells under "
                            + header.size() + " columns");
                }
            }
        }
    }

    /**
     * One figure.
     *
     * @param name its file name without extension, e.g. {@code objective-mean}
     * @param svg  the SVG document
     */
    public record Figure(String name, byte[] svg) {

        public Figure {
            Objects.requireNonNull(name, "name");
            svg = svg.clone();
        }

        @Override
        public byte[] svg() {
            return svg.clone();
        }
    }
}
