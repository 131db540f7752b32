package org.l2o4j.bptt;

import org.l2o4j.core.training.gradient.GradientMetaTrainer;
import org.l2o4j.core.training.gradient.EpochRecord;
import org.l2o4j.core.training.TrainingListener;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainerDeterminismTest {

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static GradientMetaTrainer.Result train(Map<String, ?> overrides) {
        return new BpttTrainer(TinyRuns.lstm(overrides), TinyRuns.quadratics()).train(TrainingListener.NONE);
    }

    /** Same seed, same parameters byte for byte, whatever the number of threads; another seed, other parameters. */
    @Test
    void sameSeedGivesIdenticalParametersOnAnyThreadCount() {
        GradientMetaTrainer.Result a = train(Map.of());
        GradientMetaTrainer.Result b = train(Map.of());
        GradientMetaTrainer.Result threaded = train(Map.of("threads", 2));
        assertArrayEquals(bits(a.last()), bits(b.last()));
        assertArrayEquals(bits(a.last()), bits(threaded.last()));
        assertArrayEquals(bits(a.best()), bits(threaded.best()));
        assertEquals(16, a.metaSteps());
        assertEquals(0, a.skippedSteps());
        for (int e = 0; e < a.log().size(); e++) {
            EpochRecord x = a.log().get(e);
            EpochRecord y = threaded.log().get(e);
            assertEquals(x.trainingLoss(), y.trainingLoss(), 0.0);
            assertEquals(x.validationScore(), y.validationScore(), 0.0);
        }
        GradientMetaTrainer.Result other = train(Map.of("seed", 1));
        assertFalse(Arrays.equals(a.last(), other.last()));
    }

    /** Training moved the parameters and lowered the training loss; the log has one row per epoch after epoch 0. */
    @Test
    void trainingImprovesAndLogsEveryEpoch() {
        GradientMetaTrainer.Result r = train(Map.of("epochs", 6));
        assertEquals(7, r.log().size());
        assertEquals(0, r.log().get(0).epoch());
        assertTrue(r.log().get(0).validated() && r.log().get(2).validated() && !r.log().get(1).validated());
        double first = r.log().get(1).trainingLoss();
        double last = r.log().get(6).trainingLoss();
        assertTrue(last < first, "training loss went from " + first + " to " + last);
        assertTrue(r.bestValidationScore() < r.log().get(0).validationScore(),
                "validation improved on the untrained network: " + r.log());
        assertEquals(r.bestEpoch(), r.log().stream().filter(EpochRecord::best).mapToInt(EpochRecord::epoch).max()
                .orElseThrow());
    }
}
