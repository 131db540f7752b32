package org.l2o4j.gps.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.model.LinearGaussianDynamics;
import org.l2o4j.gps.model.QuadraticCost;

/**
 * Reads the golden fixtures of {@code /gps-fixtures} (gps-fixtures/README.md): row-major arrays with time first,
 * upper Cholesky factors (transposed here to the lower factors L2O4J stores), dynamics entry T−1 dropped.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The parsed JSON file {@code /gps-fixtures/name}. */
    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/gps-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture /gps-fixtures/" + name + " is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nested array of numbers flattened row-major. */
    public static double[] flat(JsonNode node) {
        int count = count(node);
        double[] out = new double[count];
        fill(node, out, 0);
        return out;
    }

    /** The first index of {@code node} as time; each entry flattened row-major. */
    public static double[][] perStep(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int t = 0; t < node.size(); t++) {
            out[t] = flat(node.get(t));
        }
        return out;
    }

    private static int count(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        int c = 0;
        for (JsonNode child : node) {
            c += count(child);
        }
        return c;
    }

    private static int fill(JsonNode node, double[] out, int at) {
        if (!node.isArray()) {
            out[at] = node.asDouble();
            return at + 1;
        }
        for (JsonNode child : node) {
            at = fill(child, out, at);
        }
        return at;
    }

    /** Lower factors from the fixture's upper factors U (Σ = UᵀU = L Lᵀ with L = Uᵀ). */
    static double[][] lowerFromUpper(double[][] upper, int n) {
        double[][] lower = new double[upper.length][n * n];
        for (int t = 0; t < upper.length; t++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    lower[t][i * n + j] = upper[t][j * n + i];
                }
            }
        }
        return lower;
    }

    /** A controller given by K, k, pol_covar, chol_pol_covar (upper) and inv_pol_covar. */
    public static LinearGaussianController controller(JsonNode node, int dX, int dU) {
        return new LinearGaussianController(dX, dU, perStep(node.get("K")), perStep(node.get("k")),
                perStep(node.get("pol_covar")), lowerFromUpper(perStep(node.get("chol_pol_covar")), dU),
                perStep(node.get("inv_pol_covar")));
    }

    /** π̄ given as pol_K, pol_k, pol_S, chol_pol_S (upper); its precision is computed from the factor. */
    public static LinearGaussianController policy(JsonNode node, int dX, int dU) {
        double[][] covariance = perStep(node.get("pol_S"));
        return LinearGaussianController.fromCovariances(dX, dU, perStep(node.get("pol_K")),
                perStep(node.get("pol_k")), covariance);
    }

    /** Dynamics from Fm, fv, dyn_covar (T entries, the last unused and dropped), x0mu, x0sigma. */
    public static LinearGaussianDynamics dynamics(JsonNode node, int dX, int dU) {
        double[][] fm = perStep(node.get("Fm"));
        double[][] fv = perStep(node.get("fv"));
        double[][] covar = perStep(node.get("dyn_covar"));
        int transitions = fm.length - 1;
        return new LinearGaussianDynamics(dX, dU, Arrays.copyOf(fm, transitions),
                Arrays.copyOf(fv, transitions), Arrays.copyOf(covar, transitions),
                flat(node.get("x0mu")), flat(node.get("x0sigma")));
    }

    /** Cm, cv, cc. */
    public static QuadraticCost cost(JsonNode node, int dX, int dU) {
        return new QuadraticCost(dX, dU, perStep(node.get("Cm")), perStep(node.get("cv")), flat(node.get("cc")));
    }

    /** max|Δ| ≤ tol · max|ref| (the README's per-array tolerance). */
    public static void assertArray(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        if (worst > tol * scale) {
            throw new AssertionError(what + ": max|Δ| = " + worst + " exceeds " + tol + " · max|ref| = "
                    + tol * scale);
        }
    }

    /** Per-step arrays compared as one stacked array. */
    public static void assertPerStep(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": steps");
        int total = 0;
        for (double[] e : expected) {
            total += e.length;
        }
        double[] e = new double[total];
        double[] a = new double[total];
        int at = 0;
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t].length, actual[t].length, what + " at t = " + t + ": length");
            System.arraycopy(expected[t], 0, e, at, expected[t].length);
            System.arraycopy(actual[t], 0, a, at, actual[t].length);
            at += expected[t].length;
        }
        assertArray(e, a, tol, what);
    }
}
