package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.l2o4j.gps.trajopt.Fixtures.assertArray;
import static org.l2o4j.gps.trajopt.Fixtures.assertPerStep;
import static org.l2o4j.gps.trajopt.Fixtures.flat;
import static org.l2o4j.gps.trajopt.Fixtures.perStep;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 19, {@code eta_search.json} (local-only) and {@code eta_search_mdgps.json} (anchor = π̄): the whole
 * dual search from the recorded inputs with cbfinn's bracket [1e-8, 1e16]. Tolerances (README §9): the same number
 * of backward calls; every requested and used η to 1e-12 relative (which also fixes the number of raises per call);
 * the KL trace and the final controller to 1e-8 (1e-7 for A_loose_kl50, whose KL at η ≈ 1e-8 is ill-conditioned);
 * the returned η exactly as the reference in reference-compatible mode, and equal to the controller's η by default.
 */
class EtaSearchFixtureTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String file : new String[] {"eta_search.json", "eta_search_mdgps.json"}) {
            for (JsonNode c : Fixtures.load(file).get("cases")) {
                all.add(Arguments.of(c.get("name").asText(), c));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheSearch(String name, JsonNode c) {
        int dX = c.get("dX").asInt();
        int dU = c.get("dU").asInt();
        LinearGaussianDynamics dynamics = Fixtures.dynamics(c.get("dynamics"), dX, dU);
        QuadraticCost cost = Fixtures.cost(c.get("cost"), dX, dU);
        LinearGaussianController anchor = Fixtures.controller(c.get("anchor"), dX, dU);
        AugmentedCostBuilder builder = c.get("setting").asText().equals("mdgps")
                ? AugmentedCostBuilder.mdgps(cost, anchor)
                : AugmentedCostBuilder.localOnly(cost, anchor);
        JsonNode inputs = c.get("inputs");
        double epsilon = StepSizeRule.klBudgetNats(inputs.get("base_kl_step").asDouble(),
                inputs.get("step_mult").asDouble(), cost.horizon());
        assertEquals(inputs.get("epsilon").asDouble(), epsilon, 0, name + ": ε = kl_step · stepMult · T");
        double tol = name.equals("A_loose_kl50") ? 1e-7 : 1e-8;

        TrajectoryOptimizationResult compatible = new LqgKlTrajectoryOptimizer(
                EtaSearchSettings.cbfinn().withReferenceReturnedEta(true))
                .optimize(dynamics, builder, epsilon, inputs.get("eta_init").asDouble());
        JsonNode trace = c.get("trace");
        assertEquals(c.get("n_backward_calls").asInt(), compatible.backwardCalls(), name + ": backward calls");
        assertEquals(trace.size(), compatible.trace().size(), name + ": trace length");
        for (int i = 0; i < trace.size(); i++) {
            JsonNode expected = trace.get(i);
            EtaSearchStep step = compatible.trace().get(i);
            double etaIn = expected.get("eta_in").asDouble();
            double etaOut = expected.get("eta_out").asDouble();
            double kl = expected.get("kl").asDouble();
            assertEquals(etaIn, step.etaRequested(), 1e-12 * etaIn, name + ": η_in of call " + i);
            assertEquals(etaOut, step.etaUsed(), 1e-12 * etaOut, name + ": η_out of call " + i);
            assertEquals(kl, step.klNats(), tol * Math.abs(kl) + 1e-10, name + ": KL of call " + i);
        }
        assertEquals(c.get("converged").asBoolean(), compatible.converged(), name + ": converged");
        double etaReturned = c.get("eta_returned").asDouble();
        double etaOfController = c.get("eta_of_returned_controller").asDouble();
        assertEquals(etaReturned, compatible.etaForWarmStart(), 1e-12 * etaReturned, name + ": η returned");
        assertEquals(etaOfController, compatible.eta(), 1e-12 * etaOfController, name + ": η of the controller");

        LinearGaussianController controller = compatible.controller();
        JsonNode expected = c.get("new_controller");
        int horizon = cost.horizon();
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[][] precisions = new double[horizon][];
        double[][] means = new double[horizon][];
        double[][] joint = new double[horizon][];
        Marginals marginals = compatible.marginals();
        for (int t = 0; t < horizon; t++) {
            gains[t] = controller.gain(t);
            offsets[t] = controller.offset(t);
            covariances[t] = controller.covariance(t);
            precisions[t] = controller.precision(t);
            means[t] = marginals.mean(t);
            joint[t] = marginals.covariance(t);
        }
        assertPerStep(perStep(expected.get("K")), gains, tol, name + ": K");
        assertPerStep(perStep(expected.get("k")), offsets, tol, name + ": k");
        assertPerStep(perStep(expected.get("pol_covar")), covariances, tol, name + ": Σ");
        assertPerStep(perStep(expected.get("inv_pol_covar")), precisions, tol, name + ": Σ⁻¹");
        assertPerStep(perStep(c.get("fwd_mu")), means, tol, name + ": forward μ");
        assertPerStep(perStep(c.get("fwd_sigma")), joint, tol, name + ": forward Σ");
        double klFinal = c.get("kl_final_total").asDouble();
        assertEquals(klFinal, compatible.klNats(), tol * klFinal + 1e-10, name + ": final KL");
        assertArray(flat(c.get("kl_final_per_t")), KlDivergence.perStep(controller, marginals, anchor), tol,
                name + ": final KL per t");
        assertArray(flat(c.get("expected_cost_new_per_t")), ExpectedCost.perStep(marginals, cost), tol,
                name + ": Laplace cost of the new controller");
        assertArray(flat(c.get("expected_cost_anchor_per_t")),
                ExpectedCost.perStep(ForwardPass.marginals(anchor, dynamics), cost), 1e-12,
                name + ": Laplace cost of the anchor");

        TrajectoryOptimizationResult clean = new LqgKlTrajectoryOptimizer(EtaSearchSettings.cbfinn())
                .optimize(dynamics, builder, epsilon, inputs.get("eta_init").asDouble());
        assertEquals(compatible.trace(), clean.trace(), name + ": the default mode searches identically");
        assertEquals(clean.eta(), clean.etaForWarmStart(), 0, name + ": by default the returned η is the "
                + "controller's η");
    }
}
