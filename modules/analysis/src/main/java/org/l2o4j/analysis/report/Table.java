package org.l2o4j.analysis.report;

import java.nio.file.Path;
import java.util.List;

import org.l2o4j.core.run.AtomicFiles;

/** A CSV file built row by row; numbers are written with {@link Double#toString}, so they read back exactly. */
public final class Table {

    private final StringBuilder text = new StringBuilder();

    public Table(String... header) {
        text.append(String.join(",", header)).append('\n');
    }

    public Table row(Object... cells) {
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                text.append(',');
            }
            text.append(cells[k]);
        }
        text.append('\n');
        return this;
    }

    Table rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    public void write(Path file) {
        AtomicFiles.writeString(file, text.toString());
    }
}
