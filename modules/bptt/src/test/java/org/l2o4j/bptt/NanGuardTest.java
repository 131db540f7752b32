package org.l2o4j.bptt;

import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.core.training.gradient.EpochRecord;
import org.l2o4j.core.training.TrainingListener;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.problem.Split;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticConfig;
import org.l2o4j.problems.quadratic.LeastSquaresQuadraticFamily;

class NanGuardTest {

    /** Quadratics with 5 training functions, of which function 2 is NaN everywhere. */
    private static final class Poisoned implements ProblemFamily {
        private final LeastSquaresQuadraticFamily base = new LeastSquaresQuadraticFamily(
                new LeastSquaresQuadraticConfig(10, "gaussian", 1.0, 5, 20, 100));
        private final long poisonedSeed;

        Poisoned(long experimentSeed) {
            this.poisonedSeed = Seeds.derive(experimentSeed, "train", 2);
        }

        @Override
        public String name() {
            return "poisoned-quadratic";
        }

        @Override
        public Map<String, Object> config() {
            return base.config();
        }

        @Override
        public List<Split> splits() {
            return base.splits();
        }

        @Override
        public Problem sample(long seed) {
            Problem p = base.sample(seed);
            if (seed != poisonedSeed) {
                return p;
            }
            return new Problem() {
                @Override
                public String formula() {
                    return "nan";
                }

                @Override
                public int dimension() {
                    return p.dimension();
                }

                @Override
                public double value(double[] x, int offset) {
                    return Double.NaN;
                }

                @Override
                public double valueAndGradient(double[] x, int xOffset, double[] gradient, int gradientOffset) {
                    Arrays.fill(gradient, gradientOffset, gradientOffset + p.dimension(), Double.NaN);
                    return Double.NaN;
                }

                @Override
                public double[] initialPoint(int restart) {
                    return p.initialPoint(restart);
                }

                @Override
                public Map<String, Object> export() {
                    return Map.of("formula", "nan");
                }
            };
        }
    }

    /**
     * With 4 problems per epoch cycling through 5 training functions, function 2 (k mod 5 = 2) is in epochs 1, 2, 4
     * and 5 (k = 2, 7, 12, 17) but not in epoch 3 (k = 8 .. 11). Each poisoned epoch's first meta-update is skipped,
     * counted, and the epoch abandoned; the parameters do not move; epoch 3 trains normally.
     */
    @Test
    void nonFiniteMetaStepsAreSkippedAndCounted() {
        Map<String, Object> settings = Map.of("problemsPerEpoch", 4, "stepsPerProblem", 10, "validateEveryEpochs", 1);
        GradientMetaTrainer.Result r = new BpttTrainer(TinyRuns.lstm(withEpochs(settings, 5)), new Poisoned(0))
                .train(TrainingListener.NONE);
        List<EpochRecord> log = r.log();
        assertEquals(4, r.skippedSteps());
        assertEquals(2, r.metaSteps());
        assertEquals(List.of(0L, 1L, 2L, 2L, 3L, 4L), log.stream().map(EpochRecord::skippedSteps).toList());
        assertTrue(Double.isNaN(log.get(1).trainingLoss()) && Double.isNaN(log.get(1).trainingFinalObjective()));
        assertTrue(Double.isFinite(log.get(3).trainingLoss()) && Double.isFinite(log.get(3).gradientNorm()));
        for (EpochRecord e : log) {
            assertTrue(Double.isFinite(e.validationScore()), "validation stays finite: " + e);
        }

        BpttTrainer twoEpochs = new BpttTrainer(TinyRuns.lstm(withEpochs(settings, 2)), new Poisoned(0));
        double[] initial = twoEpochs.config().spec().create().initialParameters(Seeds.derive(0,
                BpttEstimator.INIT_SEED));
        assertArrayEquals(initial, twoEpochs.train(TrainingListener.NONE).last(), 0.0,
                "skipped meta-steps leave the parameters untouched");
    }

    private static Map<String, Object> withEpochs(Map<String, Object> settings, int epochs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(settings);
        m.put("epochs", epochs);
        return m;
    }
}
