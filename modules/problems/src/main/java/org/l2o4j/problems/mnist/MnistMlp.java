package org.l2o4j.problems.mnist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.l2o4j.core.config.Checks;
import org.l2o4j.core.problem.StochasticProblem;
import org.l2o4j.problems.ProblemSeeds;

/**
 * One MNIST training problem of Andrychowicz et al. (2016 §3.2; papers.md §2.2): the family's
 * {@link MnistMlpObjective} with its own initial parameters θ0 ~ N(0, initScale² I) (DeepMind's initializer for
 * weights and biases, σ = 0.01) and its own stream of minibatches drawn from one pool of digits. Minibatch k is a
 * pure function of the problem's seed and k ({@link MnistMlpObjective#minibatch}); restarts change θ0, not the
 * stream. The full-data objective ({@link #value(double[], int)}) is the mean loss over the whole pool.
 *
 * <p>Immutable, so safe to share between threads.
 */
public final class MnistMlp implements StochasticProblem {

    /** The formula name written into exports. */
    public static final String FORMULA = "mnist-mlp";

    private final MnistMlpObjective objective;
    private final MnistDigits digits;
    private final MnistDigits.Pool pool;
    private final int[] examples;
    private final long seed;
    private final double initScale;

    /**
     * @param objective the loss, shared with the family's other problems
     * @param digits    the family's digits, whose {@code pool} this problem learns from
     * @param examples  the indices of that pool (held, not copied: the family shares one array among its problems)
     * @param pool      which pool
     * @param seed      the problem's seed: its initial parameters and its minibatch stream
     * @param initScale σ of the initial parameters
     */
    MnistMlp(MnistMlpObjective objective, MnistDigits digits, MnistDigits.Pool pool, int[] examples, long seed,
            double initScale) {
        this.objective = objective;
        this.digits = digits;
        this.pool = pool;
        this.examples = examples;
        this.seed = seed;
        this.initScale = Checks.positive("initScale", initScale);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    /** The pool this problem's minibatches come from. */
    public MnistDigits.Pool pool() {
        return pool;
    }

    /** The digit indices of minibatch {@code draw}, for inspection and for other tools to rebuild f_k. */
    public int[] minibatch(long draw) {
        int[] out = new int[objective.batchSize()];
        objective.minibatch(examples, seed, draw, out);
        return out;
    }

    @Override
    public double value(long draw, double[] x, int offset) {
        return objective.minibatchLoss(examples, seed, draw, x, offset, null, 0);
    }

    @Override
    public double valueAndGradient(long draw, double[] x, int xOffset, double[] gradient, int gradientOffset) {
        return objective.minibatchLoss(examples, seed, draw, x, xOffset, gradient, gradientOffset);
    }

    @Override
    public double value(double[] x, int offset) {
        return objective.fullLoss(examples, x, offset, null, 0);
    }

    @Override
    public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
        return objective.fullLoss(examples, x, xOffset, gradient, gradientOffset);
    }

    @Override
    public double[] initialPoint(int restart) {
        double[] x = new double[objective.dimension()];
        objective.initialize(ProblemSeeds.restart(seed, restart), initScale, x);
        return x;
    }

    /**
     * The network, the digits by fingerprint (not by value: 10,000 images do not belong in every export) with the
     * pool's indices, the minibatch rule, the seed and θ0.
     */
    @Override
    public Map<String, Object> export() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", FORMULA);
        m.put("dimension", dimension());
        m.put("definition", "f_k(theta) = (1/B) sum_{i in minibatch k} [logsumexp(z_i) - z_i[y_i]], z_i = MLP(pixels_i"
                + " / 255); the full objective is the same mean over every digit of the pool");
        m.put("layerWidths", objective.layerWidths());
        m.put("activation", objective.activation().name().toLowerCase(Locale.ROOT));
        m.put("parameterLayout", objective.parameterLayout());
        m.put("batchSize", objective.batchSize());
        m.put("minibatchRule", "minibatch k: B draws pool[rng.nextInt(pool.length)] with rng = SplittableRandom("
                + "Seeds.derive(seed, \"minibatch\", k)), uniform with replacement");
        m.put("dataSource", digits.source());
        m.put("dataFingerprint", "sha256:" + digits.images().fingerprint());
        m.put("pool", pool.label());
        m.put("poolIndices", examples.clone());
        m.put("seed", seed);
        m.put("initScale", initScale);
        m.put("initialPoint", initialPoint(0));
        return m;
    }
}
