package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l2o4j.gps.trajopt.Fixtures.assertArray;
import static org.l2o4j.gps.trajopt.Fixtures.assertPerStep;
import static org.l2o4j.gps.trajopt.Fixtures.flat;
import static org.l2o4j.gps.trajopt.Fixtures.perStep;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.Marginals;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * gps.md §8 test 19, {@code lqr_backward.json}: each stage fed the recorded inputs of that stage, tolerances from the
 * fixture README §9 (max|Δ| ≤ tol·max|ref| per array): augmented cost, forward μ/Σ and Laplace cost 1e-12; backward
 * K, k, Σ, Σ⁻¹ and chol(Σ) 1e-9; η_out 1e-12 relative with the same number of raises; KL 1e-10 + 1e-8·|KL|.
 */
class LqrBackwardFixtureTest {

    private static final JsonNode FILE = Fixtures.load("lqr_backward.json");

    static Stream<Arguments> results() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (JsonNode c : FILE.get("cases")) {
            if (c.get("name").asText().equals("A_plain_lqr")) {
                continue;
            }
            for (JsonNode r : c.get("results")) {
                cases.add(Arguments.of(c.get("name").asText() + " η=" + r.get("eta_in").asDouble(), c, r));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void reproducesEveryStage(String label, JsonNode c, JsonNode r) {
        int dX = c.get("dX").asInt();
        int dU = c.get("dU").asInt();
        LinearGaussianDynamics dynamics = Fixtures.dynamics(c.get("dynamics"), dX, dU);
        QuadraticCost cost = Fixtures.cost(c.get("cost"), dX, dU);
        LinearGaussianController anchor = Fixtures.controller(c.get("anchor"), dX, dU);
        AugmentedCostBuilder builder = AugmentedCostBuilder.localOnly(cost, anchor);

        LqgKlTrajectoryOptimizer optimizer = new LqgKlTrajectoryOptimizer(EtaSearchSettings.cbfinn());
        RobustBackwardResult backward = optimizer.robustBackward(builder, dynamics, r.get("eta_in").asDouble());
        double etaOut = r.get("eta_out").asDouble();
        assertEquals(etaOut, backward.eta(), 1e-12 * etaOut, label + ": η_out");
        assertEquals(r.get("n_eta_increases_inferred").asInt(), backward.etaBumps(), label + ": η raises");

        AugmentedCost augmented = builder.at(etaOut);
        int horizon = cost.horizon();
        double[][] hessians = new double[horizon][];
        double[][] linear = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            hessians[t] = augmented.hessian(t);
            linear[t] = augmented.linearTerm(t);
        }
        assertPerStep(perStep(r.get("fCm_at_eta_out")), hessians, 1e-12, label + ": fCm");
        assertPerStep(perStep(r.get("fcv_at_eta_out")), linear, 1e-12, label + ": fcv");

        JsonNode expected = r.get("new_controller");
        assertController(expected, backward.pass().controller(), dU, label);

        LinearGaussianController recorded = Fixtures.controller(expected, dX, dU);
        Marginals marginals = ForwardPass.marginals(recorded, dynamics);
        double[][] means = new double[horizon][];
        double[][] covariances = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            means[t] = marginals.mean(t);
            covariances[t] = marginals.covariance(t);
        }
        assertPerStep(perStep(r.get("fwd_mu")), means, 1e-12, label + ": forward μ");
        assertPerStep(perStep(r.get("fwd_sigma")), covariances, 1e-12, label + ": forward Σ");
        assertArray(flat(r.get("expected_cost_per_t")), ExpectedCost.perStep(marginals, cost), 1e-12,
                label + ": Laplace cost");

        double[] kl = KlDivergence.perStep(recorded, marginals, anchor);
        double[] klExpected = flat(r.get("kl_per_t"));
        for (int t = 0; t < horizon; t++) {
            assertEquals(klExpected[t], kl[t], 1e-10 + 1e-8 * Math.abs(klExpected[t]), label + ": KL at t = " + t);
        }
        double klTotal = r.get("kl_total").asDouble();
        assertEquals(klTotal, KlDivergence.total(recorded, marginals, anchor), 1e-10 + 1e-8 * klTotal,
                label + ": KL total");
    }

    @Test
    void anchorExpectedCostMatches() {
        for (JsonNode c : FILE.get("cases")) {
            if (!c.has("anchor_expected_cost_per_t") || !c.get("anchor").has("pol_covar")) {
                continue;
            }
            int dX = c.get("dX").asInt();
            int dU = c.get("dU").asInt();
            Marginals marginals = ForwardPass.marginals(Fixtures.controller(c.get("anchor"), dX, dU),
                    Fixtures.dynamics(c.get("dynamics"), dX, dU));
            assertArray(flat(c.get("anchor_expected_cost_per_t")),
                    ExpectedCost.perStep(marginals, Fixtures.cost(c.get("cost"), dX, dU)), 1e-12,
                    c.get("name").asText() + ": anchor Laplace cost");
        }
    }

    /** A_plain_lqr: the anchor has zero precision, so the augmented cost is the cost itself, divisor 1. */
    @Test
    void plainLqrCase() {
        JsonNode c = null;
        for (JsonNode candidate : FILE.get("cases")) {
            if (candidate.get("name").asText().equals("A_plain_lqr")) {
                c = candidate;
            }
        }
        assertTrue(c != null, "A_plain_lqr present");
        int dX = c.get("dX").asInt();
        int dU = c.get("dU").asInt();
        QuadraticCost cost = Fixtures.cost(c.get("cost"), dX, dU);
        JsonNode r = c.get("results").get(0);
        AugmentedCost plain = AugmentedCost.plain(cost);
        for (int t = 0; t < cost.horizon(); t++) {
            assertArray(flat(r.get("fCm_at_eta_out").get(t)), plain.hessian(t), 0, "fCm == Cm at t = " + t);
            assertArray(flat(r.get("fcv_at_eta_out").get(t)), plain.linearTerm(t), 0, "fcv == cv at t = " + t);
        }
        BackwardPassResult pass = BackwardPass.run(plain, Fixtures.dynamics(c.get("dynamics"), dX, dU));
        assertController(r.get("new_controller"), pass.controller(), dU, "A_plain_lqr");
    }

    static void assertController(JsonNode expected, LinearGaussianController actual, int dU, String label) {
        int horizon = actual.horizon();
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covariances = new double[horizon][];
        double[][] factors = new double[horizon][];
        double[][] precisions = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            gains[t] = actual.gain(t);
            offsets[t] = actual.offset(t);
            covariances[t] = actual.covariance(t);
            factors[t] = actual.covarianceCholesky(t);
            precisions[t] = actual.precision(t);
        }
        assertPerStep(perStep(expected.get("K")), gains, 1e-9, label + ": K");
        assertPerStep(perStep(expected.get("k")), offsets, 1e-9, label + ": k");
        assertPerStep(perStep(expected.get("pol_covar")), covariances, 1e-9, label + ": Σ");
        assertPerStep(perStep(expected.get("inv_pol_covar")), precisions, 1e-9, label + ": Σ⁻¹");
        assertPerStep(Fixtures.lowerFromUpper(perStep(expected.get("chol_pol_covar")), dU), factors, 1e-9,
                label + ": chol(Σ)");
    }
}
