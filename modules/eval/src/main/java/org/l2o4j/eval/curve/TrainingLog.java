package org.l2o4j.eval.curve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.training.TrainingFolder;

/**
 * A training run's log ({@value TrainingFolder#LOG}) as a learning curve reads it: the problem-steps spent and the
 * wall-clock seconds at the row a checkpoint covers. Trainers name the count {@code problemSteps} or
 * {@code problem_steps}; the time is a cumulative {@code wallSeconds} column (the shared gradient loop's) or a
 * per-row {@code seconds} column (summed up to the row).
 *
 * @param source  the log file, for messages
 * @param columns the header's column names
 * @param rows    the data rows, split at commas
 */
public record TrainingLog(Path source, List<String> columns, List<String[]> rows) {

    public TrainingLog {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads a run folder's log.
     *
     * @throws ConfigException if it is missing, empty or has no problem-steps column
     */
    public static TrainingLog read(Path runFolder) {
        Path file = runFolder.resolve(TrainingFolder.LOG);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); is " + runFolder
                    + " a training run folder?", e);
        }
        if (lines.isEmpty()) {
            throw new ConfigException(file + " is empty; the run has not logged a unit of work yet");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        TrainingLog log = new TrainingLog(file, List.of(lines.get(0).split(",", -1)), rows);
        if (log.problemStepsColumn() < 0) {
            throw new ConfigException(file + " has no problemSteps or problem_steps column, so its checkpoints cannot "
                    + "be placed on a learning curve; its trainer must log the problem-steps it spends");
        }
        return log;
    }

    private int problemStepsColumn() {
        int i = columns.indexOf("problemSteps");
        return i >= 0 ? i : columns.indexOf("problem_steps");
    }

    /**
     * Problem-steps spent when the log had {@code rowCount} rows (a checkpoint's {@code logRows}).
     *
     * @throws ConfigException if the log is shorter
     */
    public long problemStepsAt(int rowCount) {
        return (long) number(rowCount, problemStepsColumn());
    }

    /** Wall-clock seconds spent when the log had {@code rowCount} rows; NaN if the log records no time. */
    public double wallSecondsAt(int rowCount) {
        row(rowCount);
        int cumulative = columns.indexOf("wallSeconds");
        if (cumulative >= 0) {
            return number(rowCount, cumulative);
        }
        int perRow = columns.indexOf("seconds");
        if (perRow < 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int r = 1; r <= rowCount; r++) {
            sum += number(r, perRow);
        }
        return sum;
    }

    private String[] row(int rowCount) {
        if (rowCount < 1 || rowCount > rows.size()) {
            throw new ConfigException(source + " has " + rows.size() + " rows but a checkpoint covers " + rowCount
                    + "; the run folder is damaged");
        }
        return rows.get(rowCount - 1);
    }

    /** The number in column {@code column} of row {@code rowCount} (1-based), which a damaged log may lack. */
    private double number(int rowCount, int column) {
        String[] row = row(rowCount);
        if (column >= row.length) {
            throw new ConfigException(source + ": row " + rowCount + " has " + row.length + " fields, the header "
                    + columns.size() + "; the run folder is damaged");
        }
        try {
            return Double.parseDouble(row[column]);
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": row " + rowCount + " has \"" + row[column] + "\" for "
                    + columns.get(column) + ", not a number; the run folder is damaged", e);
        }
    }
}
