package org.l2o4j.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.policy.recurrent.RecurrentCheckpoint;
import org.l2o4j.policy.recurrent.RecurrentLearnedOptimizer;
import org.l2o4j.policy.recurrent.RecurrentOptimizerProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A trained coordinatewise learned optimizer (Andrychowicz et al.'s LSTM or Maheswaranathan et al.'s GRU, the
 * networks of {@code org.l2o4j.policy.recurrent}) as a DeepLearning4j updater: set it on a
 * {@code NeuralNetConfiguration.Builder} with {@code .updater(new LearnedUpdater("zoo:l2l-mnist-lstm"))} and a
 * {@code MultiLayerNetwork} or {@code ComputationGraph} trains with it. Each step moves every parameter by exactly the
 * update L2O4J's own {@link RecurrentLearnedOptimizer} computes from the same gradient (docs/dl4j.md).
 *
 * <p><b>Configuration and state are kept apart</b>, as DL4J's own updaters keep them. This object is configuration
 * only: the {@linkplain #checkpoint() checkpoint reference} as given (a checkpoint file, a BPTT training run's folder,
 * or {@code zoo:NAME}) and the {@linkplain #sha256() SHA-256} of the file it named when the network was configured.
 * Both are fields that DL4J's JSON and YAML serialization writes and reads, so a configuration saved with the network
 * refuses to run with a different network should the file behind the reference change (a training run that went on,
 * an edited file). The recurrent state of every coordinate ({@link #stateSize} numbers) lives in the updater state
 * array that DL4J allocates, saves with {@code ModelSerializer.writeModel(net, file, true)} and restores; the
 * {@link LearnedGradientUpdater} it {@linkplain #instantiate(INDArray, boolean) instantiates} holds nothing else that
 * changes.
 *
 * <p>There is no learning rate: the network's output scale, fixed in the checkpoint, sets the step size, so
 * {@link #hasLearningRate()} is false and DL4J's learning-rate schedules do not apply (as for DL4J's AdaDelta).
 *
 * <p>Bad input fails when the updater is created, in one line that names it: an unknown zoo entry, a missing file, a
 * file that is not a recurrent optimizer checkpoint, or a pretrained optimizer that is not coordinatewise (such as Li
 * &amp; Malik's feed-forward policy {@code zoo:li-malik-logreg}).
 */
public final class LearnedUpdater implements IUpdater {

    private static final long serialVersionUID = 1L;

    /** The registered optimizers this updater runs: the ones whose networks act on each coordinate alone. */
    private static final Set<String> COORDINATEWISE =
            Set.of(RecurrentLearnedOptimizer.LSTM_NAME, RecurrentLearnedOptimizer.GRU_NAME);

    private final String checkpoint;
    private final String sha256;
    /** The loaded network, read on first use and never serialized: the reference and digest are the configuration. */
    private transient volatile RecurrentCheckpoint network;

    /** For DL4J's JSON deserialization, which sets the fields. */
    private LearnedUpdater() {
        this.checkpoint = null;
        this.sha256 = null;
    }

    /**
     * The updater running the recurrent optimizer that {@code checkpoint} names, read and checked now.
     *
     * @param checkpoint a recurrent optimizer checkpoint file, a BPTT training run's folder (its latest
     *                   validation-best network) or a pretrained reference such as {@code zoo:l2l-mnist-lstm}
     * @throws ConfigException in one line naming the reference if it names nothing readable or a network that is not a
     *                         coordinatewise recurrent optimizer
     */
    public LearnedUpdater(String checkpoint) {
        if (checkpoint == null || checkpoint.isBlank()) {
            throw new ConfigException("LearnedUpdater needs a checkpoint: a recurrent optimizer checkpoint file, a BPTT "
                    + "training run's folder or zoo:NAME");
        }
        Path file = resolve(checkpoint);
        this.checkpoint = checkpoint;
        this.network = load(checkpoint, file);
        this.sha256 = digest(file);
    }

    /** The checkpoint reference as given: a file, a training run's folder, or {@code zoo:NAME}. */
    public String checkpoint() {
        return checkpoint;
    }

    /** SHA-256 of the checkpoint file the reference named when this configuration was made. */
    public String sha256() {
        return sha256;
    }

    /**
     * The trained network, loaded on first use (after DL4J's deserialization) and checked against {@link #sha256()}.
     *
     * @throws ConfigException if the reference no longer names a readable checkpoint, or names a different one
     */
    public RecurrentCheckpoint network() {
        RecurrentCheckpoint n = network;
        if (n == null) {
            Path file = resolve(checkpoint);
            String found = digest(file);
            if (!found.equals(sha256)) {
                throw new ConfigException("LearnedUpdater's checkpoint '" + checkpoint + "' (" + file + ") has SHA-256 "
                        + found + ", but the network was configured with " + sha256 + "; restore that file or "
                        + "configure the network again with the new one");
            }
            n = load(checkpoint, file);
            network = n;
        }
        return n;
    }

    /** Recurrent state per coordinate (the LSTM's h and c of every layer, the GRU's h) times the coordinates. */
    @Override
    public long stateSize(long numParams) {
        return Math.multiplyExact(numParams, network().spec().create().stateSize());
    }

    /**
     * An updater for the parameters whose state is {@code viewArray} ({@link #stateSize} numbers), put into the
     * network's initial state if {@code initialize}, else kept as it is (a restored network's state).
     */
    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        LearnedGradientUpdater u = new LearnedGradientUpdater(this);
        u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initialize);
        return u;
    }

    /** Like {@link #instantiate(INDArray, boolean)} with the state given as {@link LearnedGradientUpdater#getState()}. */
    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initialize) {
        LearnedGradientUpdater u = new LearnedGradientUpdater(this);
        u.setState(updaterState, initialize);
        return u;
    }

    @Override
    public LearnedUpdater clone() {
        try {
            return (LearnedUpdater) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("LearnedUpdater implements Cloneable", e);
        }
    }

    /** NaN: the learned optimizer has no learning rate. */
    @Override
    public double getLearningRate(int iteration, int epoch) {
        return Double.NaN;
    }

    @Override
    public boolean hasLearningRate() {
        return false;
    }

    /** Refused: the step size is the trained network's, fixed by its checkpoint. */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        throw new UnsupportedOperationException("LearnedUpdater has no learning rate: the trained network in '"
                + checkpoint + "' sets every step; choose another checkpoint to change it");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearnedUpdater other && Objects.equals(checkpoint, other.checkpoint)
                && Objects.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, sha256);
    }

    @Override
    public String toString() {
        return "LearnedUpdater(checkpoint=" + checkpoint + ", sha256=" + sha256 + ")";
    }

    private static Path resolve(String checkpoint) {
        if (Catalog.isPretrained(checkpoint)) {
            String optimizer = Catalog.pretrained(checkpoint).optimizer();
            if (!COORDINATEWISE.contains(optimizer)) {
                throw new ConfigException("LearnedUpdater runs coordinatewise recurrent optimizers (" + COORDINATEWISE
                        + "), but '" + checkpoint + "' is a '" + optimizer + "' optimizer; use it through 'l2o "
                        + "compare' or choose an LSTM or GRU checkpoint");
            }
        }
        return RecurrentOptimizerProvider.checkpointFile(checkpoint);
    }

    private static RecurrentCheckpoint load(String checkpoint, Path file) {
        try {
            return RecurrentCheckpoint.load(file);
        } catch (ConfigException e) {
            throw new ConfigException("LearnedUpdater runs coordinatewise recurrent optimizer checkpoints, and '"
                    + checkpoint + "' is not one: " + e.getMessage(), e);
        }
    }

    private static String digest(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
