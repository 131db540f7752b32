package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.l2o4j.core.random.Seeds;

/**
 * A {@link GmmPrior} restored from its {@link GmmPriorState} continues exactly as the original: buffer, mixture (in
 * either stored form), n0 point count, and the random re-initializations that follow.
 */
class GmmPriorStateTest {

    /**
     * Batch sizes that change K (P/5 clusters, 2 to 20) several times, so EM is re-initialized after snapshots, and
     * then fill the buffer of 20 (19 in cbfinn-compatible mode) trajectories so that the oldest are dropped.
     */
    private static final int[] BATCH_TRAJECTORIES = {2, 5, 1, 6, 3, 6, 2};
    private static final long SEED = 77;

    private static List<List<double[][]>> batches(int rows, int d) {
        RandomGenerator rng = Seeds.rng(5);
        List<List<double[][]>> batches = new ArrayList<>();
        for (int count : BATCH_TRAJECTORIES) {
            List<double[][]> batch = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                double[][] trajectory = new double[rows][];
                for (int t = 0; t < rows; t++) {
                    trajectory[t] = Seeds.gaussian(rng, d);
                    trajectory[t][0] += 3 * (n % 3);
                }
                batch.add(trajectory);
            }
            batches.add(batch);
        }
        return batches;
    }

    private static GmmPriorConfig config(boolean cbfinn) {
        return new GmmPriorConfig(20, 5, 20, 1.0, 100, cbfinn);
    }

    /**
     * For every snapshot point: the restored prior and the original, fed the same later batches, agree bit for bit
     * after each update. D = 3 with 7 rows per trajectory stores the mixture by its parameters, D = 12 with 2 rows by
     * its responsibilities.
     */
    @ParameterizedTest
    @CsvSource({"3, 7, false, true", "3, 7, true, true", "12, 2, false, false", "12, 2, true, false"})
    void restoredPriorContinuesBitForBit(int d, int rows, boolean cbfinn, boolean storesParameters) {
        List<List<double[][]>> batches = batches(rows, d);
        int reinitializedAfterASnapshot = 0;
        for (int snapshotAfter = 1; snapshotAfter < batches.size(); snapshotAfter++) {
            GmmPrior original = new GmmPrior(config(cbfinn), SEED);
            for (int b = 0; b < snapshotAfter; b++) {
                original.update(batches.get(b));
            }
            GmmPriorState state = original.state().orElseThrow();
            assertEquals(storesParameters, state.mixture() instanceof GmmPriorState.Parameters);
            GmmPrior restored = new GmmPrior(config(cbfinn), SEED);
            restored.restore(state);
            assertSamePrior(original, restored, d);
            for (int b = snapshotAfter; b < batches.size(); b++) {
                original.update(batches.get(b));
                restored.update(batches.get(b));
                assertSamePrior(original, restored, d);
            }
            if (original.state().orElseThrow().initializations().size() > state.initializations().size()) {
                reinitializedAfterASnapshot++;
            }
        }
        assertTrue(reinitializedAfterASnapshot >= 3, "the replayed generator must be exercised by later draws, was "
                + reinitializedAfterASnapshot + " times");
    }

    /**
     * A prior that travels through Java serialization (as a GPS unit takes it to another JVM) continues like the one
     * that stayed, bit for bit, whatever the update after which it travels, including re-initializations drawn after.
     */
    @ParameterizedTest
    @CsvSource({"3, 7, false", "12, 2, true"})
    void aSerializedPriorContinuesBitForBit(int d, int rows, boolean cbfinn) throws Exception {
        List<List<double[][]>> batches = batches(rows, d);
        int reinitializedAfterTravel = 0;
        for (int travelAfter = 1; travelAfter < batches.size(); travelAfter++) {
            GmmPrior original = new GmmPrior(config(cbfinn), SEED);
            for (int b = 0; b < travelAfter; b++) {
                original.update(batches.get(b));
            }
            int drawn = original.state().orElseThrow().initializations().size();
            GmmPrior travelled = roundTrip(original);
            assertSamePrior(original, travelled, d);
            assertEquals(original.lastEm().orElseThrow().logLikelihoodTrace().length,
                    travelled.lastEm().orElseThrow().logLikelihoodTrace().length, "the EM trace travels too");
            for (int b = travelAfter; b < batches.size(); b++) {
                original.update(batches.get(b));
                travelled.update(batches.get(b));
                assertSamePrior(original, travelled, d);
            }
            if (original.state().orElseThrow().initializations().size() > drawn) {
                reinitializedAfterTravel++;
            }
        }
        assertTrue(reinitializedAfterTravel >= 2, "the rebuilt generator must be exercised by later draws, was "
                + reinitializedAfterTravel + " times");
    }

    @Test
    void aPriorOnARecordedAssignmentCannotTravel() {
        GmmPrior recorded = new GmmPrior(config(false), (points, clusters) -> new int[points]);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> roundTrip(recorded));
        assertTrue(e.getMessage().contains("build it from a seed"), e.getMessage());
    }

    private static GmmPrior roundTrip(GmmPrior prior) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(prior);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (GmmPrior) in.readObject();
        }
    }

    @Test
    void restoreRefusesAUsedPriorAndAnotherConfiguration() {
        List<List<double[][]>> batches = batches(7, 3);
        GmmPrior original = new GmmPrior(config(false), SEED);
        original.update(batches.get(0));
        original.update(batches.get(1));
        GmmPriorState state = original.state().orElseThrow();
        assertTrue(new GmmPrior(config(false), SEED).state().isEmpty(), "nothing to save before the first update");
        IllegalStateException used = assertThrows(IllegalStateException.class, () -> original.restore(state));
        assertTrue(used.getMessage().contains("new GmmPrior"), used.getMessage());
        IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class,
                () -> new GmmPrior(config(false).withMaxSamples(3), SEED).restore(state));
        assertTrue(buffer.getMessage().contains("maxSamples = 3"), buffer.getMessage());
        IllegalArgumentException clusters = assertThrows(IllegalArgumentException.class,
                () -> new GmmPrior(config(false).withClusters(4, 5), SEED).restore(state));
        assertTrue(clusters.getMessage().contains("maxClusters = 4"), clusters.getMessage());
    }

    private static void assertSamePrior(GmmPrior expected, GmmPrior actual, int d) {
        assertEquals(expected.bufferedTrajectories(), actual.bufferedTrajectories());
        assertEquals(expected.trainingPointCount(), actual.trainingPointCount());
        GaussianMixture a = expected.mixture().orElseThrow();
        GaussianMixture b = actual.mixture().orElseThrow();
        assertEquals(a.clusterCount(), b.clusterCount());
        for (int k = 0; k < a.clusterCount(); k++) {
            assertArrayEquals(a.mean(k), b.mean(k));
            assertArrayEquals(a.covariance(k), b.covariance(k));
            assertEquals(a.logMass(k), b.logMass(k));
        }
        double[][] query = new double[4][];
        RandomGenerator rng = Seeds.rng(9);
        for (int i = 0; i < query.length; i++) {
            query[i] = Seeds.gaussian(rng, d);
        }
        NiwPrior p = expected.evaluate(query);
        NiwPrior q = actual.evaluate(query);
        assertArrayEquals(p.mean(), q.mean());
        assertArrayEquals(p.scatter(), q.scatter());
        assertEquals(p.covarianceCount(), q.covarianceCount());
        assertArrayEquals(expected.initialStatePrior(1).orElseThrow().scatter(),
                actual.initialStatePrior(1).orElseThrow().scatter());
    }
}
