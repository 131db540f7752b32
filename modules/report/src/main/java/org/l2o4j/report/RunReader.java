package org.l2o4j.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.jfree.chart.JFreeChart;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Line;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;

/**
 * Reads a run folder into a {@link RunReport}: a comparison ({@code l2o reproduce}, {@code compare},
 * {@code evaluate}: {@code summary.json} with optimizers, {@code config.yaml}), a training ({@code l2o train}:
 * {@code training.yaml}, {@code training-log.csv}) or a sweep ({@code l2o sweep}: {@code sweep.json}). Every file is read as docs/formats.md describes it; a missing or
 * damaged one ends in a {@link ConfigException} naming it.
 */
public final class RunReader {

    /** The steps at which the results table shows the mean objective, as Li & Malik's and the bench's tables do. */
    static final int[] TABLE_STEPS = {5, 10, 40, 100};

    /** The figures a comparison writes, in the order docs/formats.md lists them; others follow by name. */
    private static final List<String> FIGURE_ORDER = List.of("objective-mean", "objective-median", "suboptimality",
            "paired-differences", "margin-of-victory", "margin-of-victory-median", "performance-profile",
            "data-profile", "objective-vs-wallclock", "objective-vs-evaluations", "example", "trajectories");

    private static final int LOG_FIGURE_WIDTH = 640;
    private static final int LOG_FIGURE_HEIGHT = 400;

    private RunReader() {
    }

    /**
     * The report of {@code folder}.
     *
     * @throws ConfigException if it is not a run folder, or a file it needs is missing or damaged
     */
    public static RunReport read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("run folder " + folder + " does not exist or is not a folder; name a folder "
                    + "such as runs/li-malik-logreg/<time> (l2o prints it at the end of every run)");
        }
        if (Files.isRegularFile(folder.resolve("summary.json")) && Files.isRegularFile(folder.resolve("config.yaml"))) {
            return comparison(folder);
        }
        if (Files.isRegularFile(folder.resolve(TrainingFolder.FILE))) {
            return training(folder);
        }
        if (Files.isRegularFile(folder.resolve("sweep.json"))) {
            return sweep(folder);
        }
        throw new ConfigException(folder + " is not a run folder: it holds neither summary.json with config.yaml (a "
                + "comparison), " + TrainingFolder.FILE + " (a training) nor sweep.json (a sweep); name the folder a "
                + "run printed");
    }

    private static RunReport comparison(Path folder) {
        JsonNode summary = json(folder.resolve("summary.json"));
        JsonNode optimizers = summary.path("optimizers");
        if (!optimizers.isArray() || optimizers.isEmpty()) {
            throw new ConfigException(folder.resolve("summary.json") + " lists no optimizers; the file is damaged or "
                    + "from an unfinished run, run the experiment again");
        }
        int steps = summary.path("steps").asInt();
        String subtitle = String.format(Locale.ROOT, "%s, %d test functions × %d restarts, %d steps; 95 %% intervals",
                summary.path("family").asText(), summary.path("testFunctions").asInt(),
                summary.path("restarts").asInt(), steps);
        List<RunReport.Table> tables = new ArrayList<>();
        tables.add(results(summary, optimizers, steps, timing(folder)));
        Path tuning = folder.resolve("tuning.json");
        if (Files.isRegularFile(tuning)) {
            tables.add(tuned(json(tuning)));
        }
        if (summary.has("bestKnown")) {
            tables.add(bestKnown(summary.path("bestKnown")));
        }
        return new RunReport(folder, RunReport.Kind.COMPARISON, summary.path("experiment").asText(folder.toString()),
                subtitle, tables, figures(folder.resolve("figures")), provenance(folder), "config.yaml",
                text(folder.resolve("config.yaml")));
    }

    /**
     * A sweep: the table across its points, its figure, the first point's resolved experiment; for a sweep of a
     * training, what each point's training did and the first point's resolved training file.
     */
    private static RunReport sweep(Path folder) {
        JsonNode sweep = json(folder.resolve("sweep.json"));
        JsonNode points = sweep.path("points");
        boolean training = points.size() > 0 && points.get(0).has("training");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode o : sweep.path("optimizers")) {
            JsonNode mean = o.path("meanOverPoints");
            rows.add(List.of(o.path("label").asText(), number(mean.path("estimate").asDouble(Double.NaN)) + " ["
                    + number(mean.path("low").asDouble(Double.NaN)) + ", " + number(mean.path("high").asDouble(
                    Double.NaN)) + "]", number(o.path("medianOverPoints").asDouble()), number(o.path("min")
                    .asDouble()), number(o.path("max").asDouble()), o.path("diverged").asText()));
        }
        List<List<String>> pointRows = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            JsonNode t = points.get(p).path("training");
            pointRows.add(training ? List.of(Integer.toString(p + 1), points.get(p).path("label").asText(),
                    t.path("units").asText() + " " + t.path("unit").asText() + (t.path("units").asLong() == 1 ? ""
                    : "s"), t.path("problemSteps").asText())
                    : List.of(Integer.toString(p + 1), points.get(p).path("label").asText()));
        }
        List<RunReport.Table> tables = List.of(new RunReport.Table("results", "Final mean objective across the "
                + points.size() + " points", "Per optimizer: the mean over points of its final mean objective with a "
                + String.format(Locale.ROOT, "%.0f", 100 * sweep.path("confidenceLevel").asDouble(0.95)) + " % "
                + "Student-t interval over points, the median, lowest and highest point, and diverged runs summed "
                + "over points; each point's own run folder is under points/.", List.of("optimizer",
                "mean [interval]", "median", "min", "max", "diverged"), rows, false),
                training ? new RunReport.Table("points", "Points", "Each point trained the training file with "
                        + "these overrides (units of work done, problem-steps spent) and evaluated the trained "
                        + "optimizer with the baselines of the training's evaluation.", List.of("point", "overrides",
                        "trained", "problem-steps"), pointRows, false)
                        : new RunReport.Table("points", "Points", "Each point is the experiment with these overrides.",
                        List.of("point", "overrides"), pointRows, false));
        String config = training ? "points/000/training/" + TrainingFolder.FILE : "points/000/config.yaml";
        Path firstConfig = folder.resolve(config);
        String name = folder.getParent() == null ? folder.toString() : folder.getParent().getFileName().toString();
        return new RunReport(folder, RunReport.Kind.SWEEP, name, points.size() + " points of one "
                + (training ? "training" : "experiment"), tables, figures(folder.resolve("figures")),
                provenance(folder), config, Files.isRegularFile(firstConfig) ? text(firstConfig) : "");
    }

    /** Mean objective at {@link #TABLE_STEPS} and the last step, final median, win rate, divergences, time. */
    private static RunReport.Table results(JsonNode summary, JsonNode optimizers, int steps,
                                           Map<String, Double> secondsPerStep) {
        List<Integer> at = new ArrayList<>();
        for (int t : TABLE_STEPS) {
            if (t < steps) {
                at.add(t);
            }
        }
        at.add(steps);
        List<String> header = new ArrayList<>(List.of("optimizer", "tuned hyperparameters"));
        at.forEach(t -> header.add("mean f at t = " + t));
        header.addAll(List.of("median f at t = " + steps, "win rate", "diverged", "µs/step"));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode o : optimizers) {
            List<String> row = new ArrayList<>();
            String label = o.path("label").asText();
            row.add(label);
            row.add(settings(o.path("hyperparameters")));
            for (int t : at) {
                row.add(interval(o.path("mean"), t));
            }
            row.add(interval(o.path("median"), steps));
            JsonNode win = o.path("winRate");
            row.add(win.size() > steps ? String.format(Locale.ROOT, "%.0f %%", 100 * win.get(steps).asDouble()) : "");
            row.add(o.path("diverged").asInt() + "/" + o.path("runs").asInt());
            Double seconds = secondsPerStep.get(label);
            row.add(seconds == null ? "" : number(1e6 * seconds));
            rows.add(row);
        }
        return new RunReport.Table("results", "Results on the held-out test functions", String.format(Locale.ROOT,
                "Mean objective over the %s test functions with its %.0f %% Student-t interval [low, high]; "
                        + "median with its order-statistic interval; win rate: the share of runs where the optimizer "
                        + "is lowest at the last step (ties within 1e-12·max(1, |f|)); µs/step: wall-clock per "
                        + "optimizer step, objective and gradient included (this machine, this run).",
                summary.path("testFunctions").asText(), 100 * summary.path("confidenceLevel").asDouble(0.95)),
                header, rows, false);
    }

    private static String interval(JsonNode estimate, int t) {
        JsonNode e = estimate.path("estimate");
        if (e.size() <= t) {
            return "";
        }
        double low = estimate.path("low").path(t).asDouble(Double.NaN);
        double high = estimate.path("high").path(t).asDouble(Double.NaN);
        String value = number(e.get(t).asDouble(Double.NaN));
        return Double.isNaN(low) || Double.isNaN(high) ? value : value + " [" + number(low) + ", " + number(high) + "]";
    }

    private static RunReport.Table tuned(JsonNode tuning) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode o : tuning) {
            JsonNode search = o.path("search");
            JsonNode edge = o.path("atGridEdge");
            List<String> edges = new ArrayList<>();
            edge.forEach(e -> edges.add(e.asText()));
            rows.add(List.of(o.path("label").asText(), settings(search.path("chosen")),
                    search.path("criterion").asText(), search.path("steps").asText(),
                    Integer.toString(search.path("rows").size()), String.join(", ", edges)));
        }
        return new RunReport.Table("tuning", "Tuned hyperparameters", "Chosen on the training functions before any "
                + "test function was sampled: the grid point with the best criterion over the tuning steps; a "
                + "setting at the grid's edge is named (the grid may be too narrow).",
                List.of("optimizer", "chosen", "criterion", "tuning steps", "grid points", "at grid edge"), rows,
                false);
    }

    private static RunReport.Table bestKnown(JsonNode bestKnown) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode found = bestKnown.path("found");
        for (Iterator<Map.Entry<String, JsonNode>> it = found.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rows.add(List.of(e.getKey(), e.getValue().asText()));
        }
        return new RunReport.Table("best-known", "Best known values f*", "Where each test function's f* (the "
                + "suboptimality figures' reference) came from; solver tolerance "
                + bestKnown.path("solverTolerance").asText("n/a") + " (docs/formats.md).",
                List.of("source", "test functions"), rows, false);
    }

    private static Map<String, Double> timing(Path folder) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path file = folder.resolve("timing.json");
        if (Files.isRegularFile(file)) {
            for (JsonNode o : json(file).path("optimizers")) {
                seconds.put(o.path("label").asText(), o.path("secondsPerStep").asDouble(Double.NaN));
            }
        }
        return seconds;
    }

    private static RunReport training(Path folder) {
        Path summaryFile = folder.resolve(TrainingFolder.SUMMARY);
        JsonNode summary = Files.isRegularFile(summaryFile) ? json(summaryFile) : Configs.json().createObjectNode();
        Map<String, Object> header = Configs.readYaml(folder.resolve(TrainingFolder.FILE));
        String name = String.valueOf(header.getOrDefault("name", folder.getParent() == null ? folder
                : folder.getParent().getFileName()));
        List<RunReport.Table> tables = new ArrayList<>();
        List<List<String>> facts = new ArrayList<>();
        flatten("", summary, facts);
        if (!facts.isEmpty()) {
            tables.add(new RunReport.Table("training-summary", "Training summary", "The training's summary.json.",
                    List.of("key", "value"), facts, false));
        }
        List<RunReport.Figure> figures = new ArrayList<>();
        Path logFile = folder.resolve(TrainingFolder.LOG);
        if (Files.isRegularFile(logFile)) {
            List<String> lines = lines(logFile);
            if (lines.size() > 1) {
                List<String> columns = List.of(lines.get(0).split(",", -1));
                List<List<String>> rows = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isBlank()) {
                        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
                        if (cells.size() != columns.size()) {
                            throw new ConfigException(logFile + ": a row of " + cells.size() + " values under "
                                    + columns.size() + " columns; the log is damaged");
                        }
                        rows.add(cells);
                    }
                }
                figures.addAll(logFigures(name, columns, rows));
                tables.add(new RunReport.Table("training-log", "Training log", "Every row of "
                        + TrainingFolder.LOG + " (docs/formats.md names the columns).", columns, rows, true));
            }
        }
        figures.addAll(figures(folder.resolve("figures")));
        figures.addAll(figures(folder.resolve("analysis").resolve("figures")));
        String subtitle = "training of " + header.getOrDefault("family", "?") + " (" + header.getOrDefault("kind", "?")
                + "), seed " + header.getOrDefault("seed", "?");
        return new RunReport(folder, RunReport.Kind.TRAINING, name, subtitle, tables, figures, provenance(folder),
                TrainingFolder.FILE, text(folder.resolve(TrainingFolder.FILE)));
    }

    /**
     * One figure per logged quantity that changes, against the log's first column (iteration or epoch); on a log
     * axis when all its values are positive and span more than two decades.
     */
    static List<RunReport.Figure> logFigures(String name, List<String> columns, List<List<String>> rows) {
        List<RunReport.Figure> out = new ArrayList<>();
        String xName = columns.get(0);
        for (int c = 1; c < columns.size(); c++) {
            List<double[]> points = new ArrayList<>();
            for (List<String> row : rows) {
                double x = parse(row.get(0));
                double y = parse(row.get(c));
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    points.add(new double[] {x, y});
                }
            }
            if (points.size() < 2 || points.stream().mapToDouble(p -> p[1]).distinct().count() < 2) {
                continue;
            }
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            Scale scale = min > 0 && max / min > 100 ? Scale.LOG : Scale.LINEAR;
            String column = columns.get(c);
            JFreeChart chart = Charts.xy(Labels.of(name + ": " + column, xName, column),
                    List.of(new Line(column, x, y)), Charts.Marks.LINES, scale, Palette.of(column));
            out.add(new RunReport.Figure("log-" + column.replaceAll("[^A-Za-z0-9_-]", "_"),
                    Figures.svg(chart, LOG_FIGURE_WIDTH, LOG_FIGURE_HEIGHT)));
        }
        return out;
    }

    private static double parse(String cell) {
        if (cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A run's figures ({@code *.svg}) in the order of {@link #FIGURE_ORDER}, then by name. */
    private static List<RunReport.Figure> figures(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".svg")).sorted(Comparator
                    .comparingInt(RunReader::figureRank).thenComparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list the figures in " + folder + " (" + e.getMessage() + ")", e);
        }
        List<RunReport.Figure> out = new ArrayList<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            try {
                String name = file.substring(0, file.length() - ".svg".length());
                out.add(new RunReport.Figure(name, Files.readAllBytes(f)));
            } catch (IOException e) {
                throw new ConfigException("cannot read figure " + f + " (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    private static int figureRank(Path figure) {
        String name = figure.getFileName().toString();
        for (int i = 0; i < FIGURE_ORDER.size(); i++) {
            if (name.startsWith(FIGURE_ORDER.get(i))) {
                return i;
            }
        }
        return FIGURE_ORDER.size();
    }

    private static Map<String, String> provenance(Path folder) {
        Path file = folder.resolve(TrainingFolder.PROVENANCE);
        List<List<String>> rows = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            flatten("", json(file), rows);
        }
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get(0), r.get(1)));
        return out;
    }

    /** Nested objects as dotted keys; arrays longer than a few values are summarized, not listed. */
    private static void flatten(String prefix, JsonNode node, List<List<String>> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            out.add(List.of(prefix, node.size() <= 8 ? node.toString() : node.size() + " values"));
        } else if (!prefix.isEmpty()) {
            out.add(List.of(prefix, node.isFloatingPointNumber() ? number(node.asDouble()) : node.asText()));
        }
    }

    /** {@code k=v} pairs of a hyperparameter object; nested objects (feature presets) by their name. */
    private static String settings(JsonNode hyperparameters) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hyperparameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String value = v.isObject() ? v.path("name").asText("{…}")
                    : v.isFloatingPointNumber() ? number(v.asDouble()) : v.asText();
            parts.add(e.getKey() + "=" + value);
        }
        return parts.isEmpty() ? "(nothing to tune)" : String.join(" ", parts);
    }

    /** Four significant digits; E notation below 1e-4 and from 1e6, where fixed notation hides the magnitude. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static JsonNode json(Path file) {
        try {
            return Configs.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + " cannot be read as JSON (" + firstLine(e.getMessage()) + "); the run "
                    + "folder is damaged, run it again", e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
