package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the golden fixtures of gps-fixtures/ (test classpath) into row-major arrays and compares arrays. */
final class Fixture {

    private Fixture() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/gps-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture /gps-fixtures/" + name + " is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers, nested to any depth, flattened in row-major order. */
    static double[] flat(JsonNode node) {
        List<Double> values = new ArrayList<>();
        collect(node, values);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, values);
            }
        } else {
            // the fixtures hold Python repr strings of doubles; the JSON number text round-trips exactly
            values.add(Double.parseDouble(node.asText()));
        }
    }

    /** The outer index kept, each entry flattened row-major: e.g. T × dX × dX → T × (dX·dX). */
    static double[][] rows(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat(node.get(i));
        }
        return out;
    }

    /** N × T × d → double[N][T][d]. */
    static double[][][] cube(JsonNode node) {
        double[][][] out = new double[node.size()][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows(node.get(i));
        }
        return out;
    }

    static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    /** max|actual − expected| ≤ tol · max|expected| (or ≤ tol when expected is all zeros), naming the array. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(expected[i] - actual[i]));
        }
        double bound = tol * (scale == 0 ? 1 : scale);
        assertTrue(error <= bound, what + ": max|Δ| = " + error + " exceeds " + bound + " (tol " + tol
                + " × max|ref| " + scale + ")");
    }
}
