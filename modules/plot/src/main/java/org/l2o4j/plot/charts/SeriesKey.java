package org.l2o4j.plot.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Key of one JFreeChart series: the label it belongs to and which unbroken part of that label's points it holds.
 *
 * <p>A label whose points have gaps is drawn as several series, one per run of drawable points, because JFreeChart's
 * band renderer fills across a NaN instead of breaking. All parts share the label's colour; only part 0 shows in the
 * legend, and {@link #toString()} is the bare label so that legend texts read as the caller wrote them.
 *
 * @param label the caller's label
 * @param part  0 for the first run of drawable points, 1 for the next, ...
 */
record SeriesKey(String label, int part) implements Comparable<SeriesKey> {

    private static final Comparator<SeriesKey> ORDER =
            Comparator.comparing(SeriesKey::label).thenComparingInt(SeriesKey::part);

    /**
     * The maximal runs {@code {from, to}} (to exclusive) of indices 0..n-1 whose points are drawable. With no drawable
     * point it returns one empty run, so that the label still gets a series and with it a legend entry: a figure
     * should say an optimizer was there even where all its values were NaN.
     */
    static List<int[]> drawableRuns(int n, IntPredicate drawable) {
        List<int[]> runs = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && drawable.test(i);
            if (ok && from < 0) {
                from = i;
            } else if (!ok && from >= 0) {
                runs.add(new int[] {from, i});
                from = -1;
            }
        }
        if (runs.isEmpty()) {
            runs.add(new int[] {0, 0});
        }
        return runs;
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label;
    }
}
