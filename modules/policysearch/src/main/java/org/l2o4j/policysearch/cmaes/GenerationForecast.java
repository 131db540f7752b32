package org.l2o4j.policysearch.cmaes;

import java.lang.reflect.Field;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The λ candidates of the generation that Commons Math's CMA-ES is about to hand over one at a time, computed before it
 * hands over the first, so that the trainer can score the whole generation on the engine at once.
 *
 * <p>Commons Math 3.6.1's {@link CMAESOptimizer} draws a generation's standard normal matrix arz (dimension × λ, row
 * by row) from its random generator before it asks for the first fitness, then makes candidate k as
 * xmean + (diagD ⊙ arz_k)·σ (its diagonal-covariance branch, the one the trainer runs) and asks for that candidate's
 * fitness before it makes candidate k + 1, although no candidate depends on another's fitness. This class is that
 * random generator: it passes every call through to the generator it wraps and remembers the last dimension × λ
 * normal draws. {@link #candidates} then reads CMA-ES's mean, diagonal scale and step size (private fields, read by
 * reflection because Commons Math offers no accessor; they change only after the generation's last fitness) and
 * repeats CMA-ES's arithmetic, in its order, for all λ candidates. The trainer checks every candidate that CMA-ES
 * then hands over against the forecast bit for bit, so a Commons Math that computes differently stops a run with an
 * error and never changes one.
 *
 * <p>The alternative without reflection, replaying a fresh CMA-ES on the recorded fitness up to each new generation
 * (as a resume does), costs a replay of every earlier generation per generation: Commons Math spends about 7 ms on a
 * generation of the default search (k = 200, λ = 19) and 40 ms on its start on this project's 2-core machine, so the
 * default run's 94 generations would spend about 35 s replaying, several times what their episodes take.
 */
final class GenerationForecast implements RandomGenerator {

    private static final Field MEAN = field("xmean");
    private static final Field SCALE = field("diagD");
    private static final Field STEP = field("sigma");

    private final RandomGenerator random;
    private final int dimension;
    private final int lambda;
    /** The last dimension × λ normal draws, the oldest at {@code normals % draws.length}. */
    private final double[] draws;
    private long normals;

    /**
     * @param random    the generator CMA-ES would otherwise be given
     * @param dimension the search's dimension
     * @param lambda    λ, candidates per generation
     */
    GenerationForecast(RandomGenerator random, int dimension, int lambda) {
        this.random = random;
        this.dimension = dimension;
        this.lambda = lambda;
        this.draws = new double[dimension * lambda];
    }

    private static Field field(String name) {
        try {
            Field f = CMAESOptimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Commons Math's CMAESOptimizer has no readable field '" + name
                    + "'; the CMA-ES trainer's generation forecast is written for Commons Math 3.6.1", e);
        }
    }

    /**
     * The λ candidates of the generation whose first candidate {@code cmaes} (running on this generator) is asking
     * the fitness of now.
     */
    double[][] candidates(CMAESOptimizer cmaes) {
        RealMatrix mean;
        RealMatrix scale;
        double step;
        try {
            mean = (RealMatrix) MEAN.get(cmaes);
            scale = (RealMatrix) SCALE.get(cmaes);
            step = STEP.getDouble(cmaes);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read CMA-ES's state", e);
        }
        double[][] out = new double[lambda][dimension];
        for (int k = 0; k < lambda; k++) {
            for (int i = 0; i < dimension; i++) {
                // CMA-ES's xmean.add(times(diagD, arz_k).scalarMultiply(sigma)), entry by entry
                out[k][i] = mean.getEntry(i, 0) + scale.getEntry(i, 0) * normal(i * lambda + k) * step;
            }
        }
        return out;
    }

    /** The j-th of the last dimension × λ normal draws. */
    private double normal(int j) {
        return draws[(int) ((normals + j) % draws.length)];
    }

    @Override
    public double nextGaussian() {
        double z = random.nextGaussian();
        draws[(int) (normals % draws.length)] = z;
        normals++;
        return z;
    }

    @Override
    public void setSeed(int seed) {
        random.setSeed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        random.setSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        random.setSeed(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return random.nextFloat();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }
}
