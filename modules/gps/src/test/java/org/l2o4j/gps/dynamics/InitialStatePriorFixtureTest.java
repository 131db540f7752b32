package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l2o4j.gps.dynamics.Fixture.assertClose;
import static org.l2o4j.gps.dynamics.Fixture.cube;
import static org.l2o4j.gps.dynamics.Fixture.flat;
import static org.l2o4j.gps.dynamics.Fixture.ints;

import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * gps.md §8 test 19, the one NIW prior of {@code dynamics_fit.json} that {@link DynamicsFixtureTest} compares only
 * indirectly (through x0Σ): {@code initial_state_prior}, cbfinn/gps's {@code DynamicsPriorGMM.initial_state()},
 * i.e. μ0 = mean x0 of the buffer, Φ = dX·strength·diag(var x0), m = n0 = dX·strength. Comparing it on its own
 * separates a buffer-trimming error (README §7 quirk 3: the reference keeps max_samples − 1 trajectories, B keeps 7
 * of 10) from an error in the x0Σ formula, which the pipeline test would report as the same x0Σ mismatch.
 * Tolerance: README §9's 1e-9 for x0 statistics; the pseudo-counts exactly.
 */
class InitialStatePriorFixtureTest {

    private static final JsonNode PROBLEMS = Fixture.load("dynamics_fit.json").get("problems");

    @Test
    void initialStatePriorMatchesTheReferenceAfterTheRecordedBufferUpdates() {
        for (JsonNode problem : PROBLEMS) {
            String name = problem.get("name").asText();
            int dX = problem.get("dX").asInt();
            JsonNode settings = problem.get("settings");
            // EM needs a start; the recorded ones keep the run identical to the reference's (only the buffer matters
            // for the initial-state prior, but a failing EM must not hide it)
            Deque<int[]> assignments = new ArrayDeque<>();
            for (JsonNode update : problem.get("gmm_updates")) {
                if (update.get("initialized").asBoolean()) {
                    assignments.add(ints(update.get("cidx_init")));
                }
            }
            GmmPrior prior = new GmmPrior(new GmmPriorConfig(settings.get("max_clusters").asInt(),
                    settings.get("min_samples_per_cluster").asInt(), settings.get("max_samples").asInt(),
                    settings.get("strength").asDouble(), 100, true), (points, clusters) -> assignments.removeFirst());
            DynamicsFitter fitter = new DynamicsFitter(new DynamicsConfig(settings.get("regularization").asDouble(),
                    settings.get("initial_state_var").asDouble(), true, DynamicsConfig.Structure.FULL), prior);
            for (JsonNode batch : problem.get("prior_buffer_extra_batches")) {
                fitter.updatePrior(cube(batch.get("X")), cube(batch.get("U")));
            }
            fitter.updatePrior(cube(problem.get("samples").get("X")), cube(problem.get("samples").get("U")));

            JsonNode expected = problem.get("initial_state_prior");
            NiwPrior niw = prior.initialStatePrior(dX).orElseThrow();
            assertClose(flat(expected.get("mu0")), niw.mean(), 1e-9, name + " initial-state μ0");
            assertClose(flat(expected.get("Phi")), niw.scatter(), 1e-9, name + " initial-state Φ");
            assertEquals(expected.get("m").asDouble(), niw.meanCount(), 0.0, name + " initial-state m");
            assertEquals(expected.get("n0").asDouble(), niw.covarianceCount(), 0.0, name + " initial-state n0");
        }
    }
}
