package org.l2o4j.analysis.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.analysis.dynamics.Curves;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.plot.Band;
import org.l2o4j.plot.Figures;
import org.l2o4j.plot.Labels;
import org.l2o4j.plot.Palette;
import org.l2o4j.plot.Scale;
import org.l2o4j.plot.charts.Charts;

/**
 * The paper's first figure from a comparison run (l2o evaluate, reproduce or compare): every optimizer's objective
 * per step as mean ± standard deviation over the test runs, read from the run's {@code results.csv} (the comparison's
 * own figures draw 95 % intervals of the mean instead).
 */
public final class ComparisonCurves {

    private ComparisonCurves() {
    }

    /** Objective per optimizer, one row per (problem, restart), in the file's order. */
    public static Map<String, double[][]> read(Path comparisonFolder) {
        Path file = comparisonFolder.resolve("results.csv");
        Map<String, Map<String, List<Double>>> runs = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("optimizer,problem,restart,step,objective")) {
                throw new ConfigException(file + " is not a comparison's results.csv (header " + header + ")");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                String[] cells = line.split(",", 6);
                if (cells.length < 5) {
                    throw new ConfigException(file + " line " + number + " is damaged: " + line);
                }
                runs.computeIfAbsent(cells[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(cells[1] + "/" + cells[2], k -> new ArrayList<>())
                        .add(Double.parseDouble(cells[4]));
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); --comparison takes the run "
                    + "folder of l2o evaluate, reproduce or compare", e);
        } catch (NumberFormatException e) {
            throw new ConfigException(file + " holds a value that is not a number (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new ConfigException(file + " holds no results");
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        runs.forEach((optimizer, byRun) -> out.put(optimizer, byRun.values().stream()
                .map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new)));
        return out;
    }

    /** Writes {@code comparison-curves.csv} and the figure {@code comparison-mean-std} (log objective axis). */
    public static void write(Map<String, double[][]> curves, String title, Path folder) {
        Table t = new Table("optimizer", "step", "mean", "std", "runs");
        List<Band> bands = new ArrayList<>();
        curves.forEach((optimizer, rows) -> {
            int steps = rows[0].length;
            for (double[] row : rows) {
                if (row.length != steps) {
                    throw new ConfigException("the runs of " + optimizer + " have different lengths in results.csv");
                }
            }
            double[] mean = Curves.mean(rows);
            double[] std = Curves.std(rows);
            double[] x = new double[steps];
            for (int s = 0; s < steps; s++) {
                x[s] = s;
                t.row(optimizer, s, mean[s], std[s], rows.length);
            }
            bands.add(Band.symmetric(optimizer, x, mean, std));
        });
        t.write(folder.resolve("comparison-curves.csv"));
        Figures.write(Charts.bands(Labels.of(title, Charts.ITERATION, Charts.OBJECTIVE), bands, Scale.LOG,
                Palette.of(new ArrayList<>(curves.keySet()))), folder.resolve("figures"), "comparison-mean-std");
    }
}
