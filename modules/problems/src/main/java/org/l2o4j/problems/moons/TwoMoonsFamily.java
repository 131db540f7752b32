package org.l2o4j.problems.moons;

import java.util.List;

import org.l2o4j.core.problem.Split;
import org.l2o4j.problems.ConfiguredFamily;

/**
 * The two-moons MLP problems (papers.md §3.1): one data set from {@code datasetSeed} and one
 * {@link TanhMlpObjective}, built once and shared; each sampled problem is an initialization of it. Splits
 * {@code train} and {@code test}; defaults in {@link TwoMoonsConfig}.
 */
public final class TwoMoonsFamily extends ConfiguredFamily<TwoMoonsConfig> {

    /** Registered name. */
    public static final String NAME = "two-moons";

    private final TanhMlpObjective objective;

    public TwoMoonsFamily(TwoMoonsConfig config) {
        super(NAME, config, List.of(new Split("train", config.trainProblems()),
                new Split("test", config.testProblems())));
        MoonsDataset data = MoonsDataset.generate(config.points(), config.noiseStd(), config.datasetSeed());
        this.objective = new TanhMlpObjective(data.features(), data.labels(), config.hiddenWidths(),
                config.normPenalty());
    }

    @Override
    public TwoMoonsMlp sample(long seed) {
        return new TwoMoonsMlp(objective, seed, settings().initScale());
    }
}
