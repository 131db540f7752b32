package org.l2o4j.gps.dynamics;

import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.l2o4j.core.random.Seeds;

/**
 * The Gaussian-mixture prior of Levine &amp; Abbeel 2014 and Levine et al. 2016 App. A.3 (gps.md §4.4): a GMM
 * fitted to every joint point of the most recent {@code maxSamples} trajectories; a query with one time step's points
 * returns the mixture's moments under the points' averaged posterior cluster weights as a normal-inverse-Wishart
 * prior, m = strength, n0 = strength·(P − 2 − D)/P (clamped at 0), Φ = m·Φ0.
 *
 * <p>Lifecycle: construct with a configuration and a seed; call {@link #update} with each new batch (the buffer drops
 * the oldest trajectories, K is recomputed, EM warm-starts from the previous mixture when K is unchanged and otherwise
 * starts from a seeded random hard assignment); then {@link #evaluate} per time step. Same seed and same batches give
 * the same mixture. Not thread-safe for {@code update}; {@code evaluate} reads an immutable mixture.
 *
 * <p>Engines: a seeded prior is {@link Serializable}, so that a GPS condition's unit can take it to another JVM,
 * update it there and bring it back; the generator travels as its seed and the initializations drawn so far, replayed
 * on arrival as {@link #restore} does, and the mixture, buffer and EM trace travel as they are, so the copy continues
 * bit for bit. A prior built on a recorded assignment source cannot travel.
 *
 * <p>Checkpoints: {@link #state} between updates captures everything the next update depends on, and
 * {@link #restore} on a new prior with the same configuration and seed (or assignment source) continues from it as
 * if never interrupted, bit for bit.
 */
public final class GmmPrior implements PriorProvider {

    private static final long serialVersionUID = 1L;

    private final GmmPriorConfig config;
    private final transient InitialAssignment initialAssignment;
    /** The seed of {@link #initialAssignment}; null when the assignments come from elsewhere (it cannot travel). */
    private final Long seed;
    private final Deque<double[][]> buffer = new ArrayDeque<>();
    private GaussianMixture mixture;
    /** P of the n0 formula; in cbfinn-compatible mode it is only refreshed when EM is re-initialized. */
    private int trainingPointCount;
    private GaussianMixture.EmResult lastEm;
    /** Those behind {@link #mixture}'s last M-step; null only after restoring a mixture stored by its parameters. */
    private double[] logResponsibilities;
    /** The EM initializations drawn so far; a restore replays them to bring a new prior's generator to this point. */
    private final List<GmmPriorState.Initialization> initializations = new ArrayList<>();

    /** Where EM's starting hard assignment comes from when the mixture is (re)initialized. */
    @FunctionalInterface
    public interface InitialAssignment {

        /** A cluster index in [0, clusters) for each of the {@code points} points. */
        int[] assign(int points, int clusters);
    }

    /** A prior whose EM initializations are drawn from the stream of {@code seed}. */
    public GmmPrior(GmmPriorConfig config, long seed) {
        this(config, randomAssignments(Seeds.rng(seed)), seed);
    }

    /**
     * A prior whose EM initializations come from {@code initialAssignment}; golden tests pass the reference's recorded
     * assignment here.
     */
    public GmmPrior(GmmPriorConfig config, InitialAssignment initialAssignment) {
        this(config, initialAssignment, null);
    }

    private GmmPrior(GmmPriorConfig config, InitialAssignment initialAssignment, Long seed) {
        this.config = config;
        this.initialAssignment = initialAssignment;
        this.seed = seed;
    }

    private static InitialAssignment randomAssignments(RandomGenerator rng) {
        return (points, clusters) -> GaussianMixture.randomAssignment(points, clusters, rng);
    }

    @Override
    public void update(List<double[][]> trajectories) {
        if (trajectories.isEmpty()) {
            throw new IllegalArgumentException("prior update needs at least one trajectory, got 0");
        }
        for (int n = 0; n < trajectories.size(); n++) {
            if (trajectories.get(n).length == 0) {
                throw new IllegalArgumentException("trajectory " + n + " of the batch has no points");
            }
        }
        int d = trajectories.get(0)[0].length;
        for (int n = 0; n < trajectories.size(); n++) {
            double[][] rows = trajectories.get(n);
            for (double[] row : rows) {
                if (row.length != d) {
                    throw new IllegalArgumentException("trajectory " + n + " has a point of dimension " + row.length
                            + ", trajectory 0 has " + d);
                }
            }
        }
        if (mixture != null && mixture.dimension() != d) {
            throw new IllegalArgumentException("prior was fitted in dimension " + mixture.dimension()
                    + ", new points have " + d);
        }
        buffer.addAll(trajectories);
        int kept = keptTrajectories();
        while (buffer.size() > kept) {
            buffer.removeFirst();
        }
        List<double[]> rows = new ArrayList<>();
        for (double[][] trajectory : buffer) {
            rows.addAll(List.of(trajectory));
        }
        double[][] data = rows.toArray(new double[0][]);
        int p = data.length;
        int k = clusterCount(p);
        GaussianMixture start;
        if (mixture != null && mixture.clusterCount() == k) {
            start = mixture;
            if (!config.cbfinnCompatible()) {
                trainingPointCount = p;
            }
        } else {
            int[] assignment = initialAssignment.assign(p, k);
            initializations.add(new GmmPriorState.Initialization(p, k));
            start = GaussianMixture.fromAssignment(data, assignment, k, config.cbfinnCompatible()
                    ? GaussianMixture.InitialCovariance.SCATTER_OVER_CLUSTER_COUNT
                    : GaussianMixture.InitialCovariance.CLUSTER_COVARIANCE);
            trainingPointCount = p;
        }
        lastEm = GaussianMixture.fit(data, start, config.maxEmIterations());
        mixture = lastEm.mixture();
        logResponsibilities = lastEm.logResponsibilities();
    }

    /** maxSamples; the reference keeps one trajectory fewer (gps-fixtures/README.md §7.3). */
    private int keptTrajectories() {
        return config.cbfinnCompatible() ? config.maxSamples() - 1 : config.maxSamples();
    }

    /**
     * What the next {@link #update} depends on, for a checkpoint taken between updates; empty before the first update
     * (a new prior with the same seed is then the same). The mixture is stored in its smaller exact form (see
     * {@link GmmPriorState}).
     */
    public Optional<GmmPriorState> state() {
        if (mixture == null) {
            return Optional.empty();
        }
        int d = mixture.dimension();
        int[] lengths = new int[buffer.size()];
        int rows = 0;
        int n = 0;
        for (double[][] trajectory : buffer) {
            lengths[n++] = trajectory.length;
            rows += trajectory.length;
        }
        double[] points = new double[rows * d];
        int at = 0;
        for (double[][] trajectory : buffer) {
            for (double[] row : trajectory) {
                System.arraycopy(row, 0, points, at, d);
                at += d;
            }
        }
        return Optional.of(new GmmPriorState(d, lengths, points, trainingPointCount, initializations,
                GmmPriorState.compact(mixture, logResponsibilities, rows)));
    }

    /**
     * Continues from a {@link #state} of a prior with this configuration and seed (or assignment source): restores
     * the buffer, the mixture and the n0 point count, and replays the recorded initializations on this prior's
     * assignment source, so that every later update gives what it would have given in the uninterrupted run.
     * {@link #lastEm} stays empty until the next update (a state keeps no EM trace).
     *
     * @throws IllegalStateException    if this prior was already updated or restored (its generator has moved on;
     *                                  construct a new one)
     * @throws IllegalArgumentException if the state does not fit this configuration (more trajectories than the
     *                                  buffer keeps, or a cluster count this configuration would not choose)
     */
    public void restore(GmmPriorState state) {
        Objects.requireNonNull(state, "state");
        if (mixture != null || !initializations.isEmpty()) {
            throw new IllegalStateException("restore needs a prior that was never updated or restored (its random"
                    + " initializations must start from the seed); construct a new GmmPrior and restore that");
        }
        int kept = keptTrajectories();
        if (state.trajectoryCount() > kept) {
            throw new IllegalArgumentException("the state buffers " + state.trajectoryCount() + " trajectories but"
                    + " this prior keeps at most " + kept + " (maxSamples = " + config.maxSamples() + "); restore"
                    + " with the configuration the state was taken with");
        }
        int p = state.pointCount();
        if (state.mixture().clusterCount() != clusterCount(p)) {
            throw new IllegalArgumentException("the state's mixture has K = " + state.mixture().clusterCount()
                    + " clusters but this configuration gives K = " + clusterCount(p) + " for its " + p
                    + " points (maxClusters = " + config.maxClusters() + ", minSamplesPerCluster = "
                    + config.minSamplesPerCluster() + "); restore with the configuration the state was taken with");
        }
        List<double[][]> trajectories = state.trajectories();
        List<double[]> rows = new ArrayList<>(p);
        for (double[][] trajectory : trajectories) {
            rows.addAll(List.of(trajectory));
        }
        GaussianMixture restored = state.mixture().mixture(rows.toArray(new double[0][]));
        for (GmmPriorState.Initialization draw : state.initializations()) {
            initialAssignment.assign(draw.points(), draw.clusters());
        }
        initializations.addAll(state.initializations());
        buffer.addAll(trajectories);
        mixture = restored;
        trainingPointCount = state.trainingPointCount();
        logResponsibilities = state.mixture() instanceof GmmPriorState.Responsibilities r
                ? r.logResponsibilities()
                : null;
        lastEm = null;
    }

    /** K = max(2, min(maxClusters, ⌊P / minSamplesPerCluster⌋)). */
    public int clusterCount(int pointCount) {
        return Math.max(2, Math.min(config.maxClusters(), pointCount / config.minSamplesPerCluster()));
    }

    @Override
    public NiwPrior evaluate(double[][] points) {
        if (mixture == null) {
            throw new IllegalStateException("GMM prior queried before any update; call update(trajectories) first");
        }
        return niw(mixture, points, config.strength(), trainingPointCount, !config.cbfinnCompatible());
    }

    /**
     * The NIW prior that a mixture trained on {@code trainingPointCount} points gives a query set: μ0 and Φ0 from
     * {@link GaussianMixture#moments} under the averaged posterior weights; m = strength;
     * n0 = strength·(P − 2 − D)/P, clamped at 0 when {@code clampCovarianceCount}; Φ = m·Φ0.
     */
    public static NiwPrior niw(GaussianMixture mixture, double[][] points, double strength, int trainingPointCount,
            boolean clampCovarianceCount) {
        if (trainingPointCount < 1) {
            throw new IllegalArgumentException("training point count must be ≥ 1, got " + trainingPointCount);
        }
        GaussianMixture.Moments moments = mixture.moments(mixture.averagedLogWeights(points));
        int d = mixture.dimension();
        double m = strength;
        double n0 = strength * (trainingPointCount - 2.0 - d) / trainingPointCount;
        if (clampCovarianceCount) {
            n0 = Math.max(0, n0);
        }
        double[] phi = moments.covariance();
        for (int i = 0; i < phi.length; i++) {
            phi[i] *= m;
        }
        return new NiwPrior(moments.mean(), phi, m, n0);
    }

    /**
     * cbfinn/gps's initial-state prior: μ0 = mean and Φ = m·diag(population variance) of the buffered trajectories'
     * first {@code stateDim} coordinates of their first point, m = n0 = stateDim·strength.
     */
    @Override
    public Optional<NiwPrior> initialStatePrior(int stateDim) {
        if (buffer.isEmpty()) {
            return Optional.empty();
        }
        int n = buffer.size();
        double[] mean = new double[stateDim];
        for (double[][] trajectory : buffer) {
            for (int a = 0; a < stateDim; a++) {
                mean[a] += trajectory[0][a];
            }
        }
        for (int a = 0; a < stateDim; a++) {
            mean[a] /= n;
        }
        double count = stateDim * config.strength();
        double[] phi = new double[stateDim * stateDim];
        for (int a = 0; a < stateDim; a++) {
            double v = 0;
            for (double[][] trajectory : buffer) {
                double c = trajectory[0][a] - mean[a];
                v += c * c;
            }
            phi[a * stateDim + a] = count * v / n;
        }
        return Optional.of(new NiwPrior(mean, phi, count, count));
    }

    /** The current mixture, or empty before the first update. */
    public Optional<GaussianMixture> mixture() {
        return Optional.ofNullable(mixture);
    }

    /** The last EM run (log-likelihood trace, E-step count), or empty before the first update and after a restore. */
    public Optional<GaussianMixture.EmResult> lastEm() {
        return Optional.ofNullable(lastEm);
    }

    /** P of the n0 formula (see {@link GmmPriorConfig#cbfinnCompatible()}). */
    public int trainingPointCount() {
        return trainingPointCount;
    }

    /** The number of trajectories in the buffer. */
    public int bufferedTrajectories() {
        return buffer.size();
    }

    private Object writeReplace() throws ObjectStreamException {
        if (seed == null) {
            throw new NotSerializableException("a GMM prior on a recorded assignment source cannot travel; build it "
                    + "from a seed");
        }
        return new SerialForm(config, seed, new ArrayList<>(buffer), mixture, trainingPointCount, lastEm,
                logResponsibilities, new ArrayList<>(initializations));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a GMM prior travels as its SerialForm");
    }

    /** What a seeded prior travels as; {@link #readResolve} rebuilds the generator from the seed. */
    private record SerialForm(GmmPriorConfig config, long seed, List<double[][]> buffer, GaussianMixture mixture,
            int trainingPointCount, GaussianMixture.EmResult lastEm, double[] logResponsibilities,
            List<GmmPriorState.Initialization> initializations) implements Serializable {

        private Object readResolve() {
            GmmPrior prior = new GmmPrior(config, seed);
            for (GmmPriorState.Initialization draw : initializations) {
                prior.initialAssignment.assign(draw.points(), draw.clusters());
            }
            prior.initializations.addAll(initializations);
            prior.buffer.addAll(buffer);
            prior.mixture = mixture;
            prior.trainingPointCount = trainingPointCount;
            prior.lastEm = lastEm;
            prior.logResponsibilities = logResponsibilities;
            return prior;
        }
    }
}
