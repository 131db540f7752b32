package org.l2o4j.problems.rosenbrock;

import java.util.List;

import org.l2o4j.core.problem.Split;
import org.l2o4j.problems.ConfiguredFamily;

/**
 * Rosenbrock problems: one fixed function, each sampled problem a different seed and therefore a different initial
 * point (papers.md §3.1). Splits {@code train} and {@code test}; defaults in {@link RosenbrockConfig}.
 */
public final class RosenbrockFamily extends ConfiguredFamily<RosenbrockConfig> {

    /** Registered name. */
    public static final String NAME = "rosenbrock";

    private final double[] lower;
    private final double[] upper;

    public RosenbrockFamily(RosenbrockConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
        this.lower = config.initialLower().stream().mapToDouble(Double::doubleValue).toArray();
        this.upper = config.initialUpper().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public Rosenbrock sample(long seed) {
        RosenbrockConfig c = settings();
        return new Rosenbrock(c.dimension(), c.a(), c.b(), lower, upper, seed);
    }
}
