package org.l2o4j.baselines.tuning;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.parallel.ParallelMap;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;

/**
 * Exhaustive search over a grid of hyperparameters on training problems: every setting is run with
 * {@link Rollout#run} from the same starting points for the same horizon and scored by a {@link Criterion}.
 *
 * <p><b>Enumeration.</b> The settings are the cartesian product of the grid's value lists, keys in alphabetical order
 * with the last key varying fastest and values in the order given, so the order (and with it every tie-break) does
 * not depend on the map the grid came in. An empty grid has one setting: the defaults.
 *
 * <p><b>Ranking.</b> A setting that diverged on any training problem ranks after every setting that diverged on none;
 * among the former, fewer divergences rank first, then the criterion over the problems that did not diverge. Ties
 * go to the setting enumerated first.
 *
 * <p><b>Threads.</b> Settings may run on several threads; each rollout is deterministic and shares nothing but the
 * (pure) problems, so the result is the same for any thread count.
 *
 * <p>Instances are immutable; {@link #criterion}, {@link #threads} and {@link #onProgress} return modified copies.
 */
public final class GridSearch {

    private final OptimizerProvider provider;
    private final Map<String, List<Object>> grid;
    private final Criterion criterion;
    private final int threads;
    private final IntConsumer progress;

    private GridSearch(OptimizerProvider provider, Map<String, List<Object>> grid, Criterion criterion, int threads,
            IntConsumer progress) {
        this.provider = provider;
        this.grid = grid;
        this.criterion = criterion;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * A search over {@code grid} (hyperparameter name → candidate values) with the defaults: criterion
     * {@link Criterion#MEAN_OBJECTIVE_OVER_HORIZON}, one thread, no progress callback.
     *
     * @throws ConfigException if a key has no values
     */
    public static GridSearch over(OptimizerProvider provider, Map<String, ? extends List<?>> grid) {
        Objects.requireNonNull(provider, "provider");
        Map<String, List<Object>> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends List<?>> e : grid.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new ConfigException("grid entry '" + e.getKey() + "' of optimizer '" + provider.name()
                        + "' has no values");
            }
            sorted.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return new GridSearch(provider, Collections.unmodifiableMap(sorted), Criterion.MEAN_OBJECTIVE_OVER_HORIZON, 1,
                done -> { });
    }

    /** A search over the provider's {@link OptimizerProvider#defaultGrid()}. */
    public static GridSearch overDefaultGrid(OptimizerProvider provider) {
        return over(provider, provider.defaultGrid());
    }

    /** The same search, ranking by {@code criterion}. */
    public GridSearch criterion(Criterion criterion) {
        return new GridSearch(provider, grid, Objects.requireNonNull(criterion, "criterion"), threads, progress);
    }

    /** The same search on {@code threads} threads (at least 1); the result does not depend on it. */
    public GridSearch threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a grid search needs at least 1 thread, got " + threads);
        }
        return new GridSearch(provider, grid, criterion, threads, progress);
    }

    /**
     * The same search, calling {@code progress} with the number of settings finished so far after each one (from the
     * thread that finished it, one call at a time, counts strictly increasing up to {@link #settings()}'s size).
     */
    public GridSearch onProgress(IntConsumer progress) {
        return new GridSearch(provider, grid, criterion, threads, Objects.requireNonNull(progress, "progress"));
    }

    /** Every setting, in enumeration order. */
    public List<Map<String, Object>> settings() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(out.size() * e.getValue().size());
            for (Map<String, Object> prefix : out) {
                for (Object value : e.getValue()) {
                    Map<String, Object> setting = new LinkedHashMap<>(prefix);
                    setting.put(e.getKey(), value);
                    next.add(setting);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Runs every setting on the training problems and ranks them.
     *
     * @param problems training problems, all of one dimension
     * @param starts   one starting point per problem
     * @param steps    the horizon T of each rollout
     * @throws ConfigException if a grid value is not a valid hyperparameter (checked before anything runs)
     */
    public TuningResult run(List<? extends Problem> problems, List<double[]> starts, int steps) {
        List<Map<String, Object>> settings = settings();
        for (Map<String, Object> setting : settings) {
            provider.create(setting);
        }
        Object progressLock = new Object();
        int[] finished = {0};
        List<Score> scores = ParallelMap.map(settings.size(), threads, k -> {
            Score score = score(settings.get(k), problems, starts, steps);
            synchronized (progressLock) {
                finished[0]++;
                progress.accept(finished[0]);
            }
            return score;
        });
        return result(scores, steps);
    }

    /**
     * One setting's score on the training problems: {@link #run}'s work for one grid point, for engines that run the
     * grid points apart (each may rebuild the problems from their seed; the score depends on nothing else).
     */
    public Score score(Map<String, Object> setting, List<? extends Problem> problems, List<double[]> starts,
            int steps) {
        RolloutResult result = Rollout.run(provider.create(setting), problems, starts, Rollout.Options.of(steps),
                RolloutListener.NONE);
        return new Score(criterion.score(result), result.divergedCount());
    }

    /**
     * Ranks the settings from their scores, one per setting in {@link #settings()}'s order, as {@link #run} does.
     *
     * @param steps the horizon the scores were taken over
     */
    public TuningResult result(List<Score> scores, int steps) {
        List<Map<String, Object>> settings = settings();
        if (scores.size() != settings.size()) {
            throw new IllegalArgumentException(scores.size() + " scores for " + settings.size() + " settings");
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < settings.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.<Integer>comparingInt(k -> scores.get(k).diverged() > 0 ? 1 : 0)
                .thenComparingInt(k -> scores.get(k).diverged())
                .thenComparing(k -> scores.get(k).value(), Double::compare)
                .thenComparingInt(k -> k));
        int[] rank = new int[settings.size()];
        for (int r = 0; r < order.size(); r++) {
            rank[order.get(r)] = r + 1;
        }
        List<TuningResult.Row> rows = new ArrayList<>(settings.size());
        for (int k = 0; k < settings.size(); k++) {
            rows.add(new TuningResult.Row(settings.get(k), scores.get(k).value(), scores.get(k).diverged(), rank[k]));
        }
        Map<String, Object> chosen = provider.create(settings.get(order.get(0))).hyperparameters();
        return new TuningResult(provider.name(), criterion, steps, chosen, rows);
    }

    /**
     * A setting's criterion over the runs that did not diverge, and how many did.
     *
     * @param value    the criterion's value
     * @param diverged runs that diverged
     */
    public record Score(double value, int diverged) implements Serializable {
    }
}
