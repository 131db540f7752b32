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

    /**
     * Writes {@code comparison-curves.csv} and the figure {@code comparison-mean-std} (log objective axis), and the
     * same for f_t / f_0 per run ({@code comparison-normalized-curves.csv}, {@code comparison-normalized-mean-std}):
     * renn's meta-loss is the mean over t of that ratio, so the optimizers are also compared on the criterion the
     * learned one was trained for. Returns per optimizer the mean over runs and steps of f_t / f_0 and of f_t.
     */
    public static Map<String, Object> write(Map<String, double[][]> curves, String title, Path folder) {
        Map<String, double[][]> normalized = new LinkedHashMap<>();
        curves.forEach((optimizer, rows) -> {
            double[][] ratios = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                ratios[r] = new double[rows[r].length];
                for (int s = 0; s < rows[r].length; s++) {
                    ratios[r][s] = rows[r][s] / rows[r][0];
                }
            }
            normalized.put(optimizer, ratios);
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        curves.forEach((optimizer, rows) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("meanObjectiveOverSteps", grandMean(rows));
            m.put("meanRelativeObjectiveOverSteps", grandMean(normalized.get(optimizer)));
            summary.put(optimizer, m);
        });
        draw(curves, title, folder, "comparison-curves.csv", "comparison-mean-std", Charts.OBJECTIVE);
        draw(normalized, title.replace("test loss", "test loss / initial loss"), folder,
                "comparison-normalized-curves.csv", "comparison-normalized-mean-std", "f(x_t) / f(x_0)");
        return summary;
    }

    private static double grandMean(double[][] rows) {
        double sum = 0;
        long n = 0;
        for (double[] row : rows) {
            for (double v : row) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static void draw(Map<String, double[][]> curves, String title, Path folder, String csv, String figure,
            String yLabel) {
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
        t.write(folder.resolve(csv));
        Figures.write(Charts.bands(Labels.of(title, Charts.ITERATION, yLabel), bands, Scale.LOG,
                Palette.of(new ArrayList<>(curves.keySet()))), folder.resolve("figures"), figure);
    }
}
