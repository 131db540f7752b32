package org.l2o4j.eval.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.problem.Split;

/**
 * A test-only family, {@code watched-quadratic}: the renn quadratic, which records whether a given file existed at the
 * moment its test split was first sampled. It proves the runner freezes the tuning before it sees a test function.
 */
public final class WatchedFamilyProvider implements ProblemFamilyProvider {

    /** The file whose existence is checked when the test split is sampled. */
    static volatile Path watchedFile;
    /** Whether it existed then; null until the test split is sampled. */
    static volatile Boolean existedWhenTestWasSampled;

    @Override
    public String name() {
        return "watched-quadratic";
    }

    @Override
    public String description() {
        return "test only: renn-quadratic that watches when its test split is sampled";
    }

    @Override
    public ProblemFamily create(Map<String, ?> config) {
        ProblemFamily inner = Catalog.family("renn-quadratic", config);
        return new ProblemFamily() {
            @Override
            public String name() {
                return "watched-quadratic";
            }

            @Override
            public Map<String, Object> config() {
                return inner.config();
            }

            @Override
            public List<Split> splits() {
                return inner.splits();
            }

            @Override
            public Problem sample(long seed) {
                return inner.sample(seed);
            }

            @Override
            public List<Problem> problems(String splitName, long experimentSeed) {
                if (splitName.equals("test") && existedWhenTestWasSampled == null) {
                    existedWhenTestWasSampled = watchedFile != null && Files.exists(watchedFile);
                }
                return ProblemFamily.super.problems(splitName, experimentSeed);
            }
        };
    }
}
