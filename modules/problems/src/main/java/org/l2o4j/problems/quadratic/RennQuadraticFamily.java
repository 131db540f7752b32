package org.l2o4j.problems.quadratic;

import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.problem.Split;
import org.l2o4j.problems.ConfiguredFamily;
import org.l2o4j.problems.ProblemSeeds;
import org.l2o4j.problems.RandomRotations;
import org.l2o4j.problems.RowMajor;

/**
 * Maheswaranathan et al.'s quadratic functions (papers.md §3.1). On the problem's data stream: the d exponents
 * u ~ U(min, max) (eigenvalues 10^u), then the Gaussian matrix whose sign-corrected QR factor is the Haar rotation Q
 * ({@link RandomRotations}), then v ~ N(0, I). Splits {@code train} and {@code test}; defaults in
 * {@link RennQuadraticConfig}.
 */
public final class RennQuadraticFamily extends ConfiguredFamily<RennQuadraticConfig> {

    /** Registered name. */
    public static final String NAME = "renn-quadratic";

    public RennQuadraticFamily(RennQuadraticConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
    }

    @Override
    public RennQuadratic sample(long seed) {
        RennQuadraticConfig c = settings();
        int d = c.dimension();
        RandomGenerator rng = ProblemSeeds.data(seed);
        double[] eigenvalues = new double[d];
        for (int k = 0; k < d; k++) {
            double u = c.log10EigenvalueMin() + (c.log10EigenvalueMax() - c.log10EigenvalueMin()) * rng.nextDouble();
            eigenvalues[k] = Math.pow(10, u);
        }
        double[][] rotation = RowMajor.rows(RandomRotations.haar(rng, d), d);
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = rng.nextGaussian();
        }
        return new RennQuadratic(eigenvalues, rotation, v, seed, c.initScale());
    }
}
