package org.l2o4j.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.problem.Split;
import org.l2o4j.core.problem.StochasticProblem;
import org.l2o4j.core.problem.TwiceDifferentiable;
import org.l2o4j.core.random.Seeds;

/**
 * The contract every {@link ProblemFamily} must meet, as one abstract test: extend it, return the family, and the new
 * family's gradient (and Hessian, if it has one) is checked against central finite differences, its sampling against
 * its seed, its batched evaluation against single calls, and its export against JSON. For a
 * {@link StochasticProblem} the inherited checks cover the full-data objective, and the gradient of each minibatch
 * loss f_k is checked against differences of f_k as well.
 */
public abstract class ProblemContract {

    /** The family under test, with the settings the test wants. */
    protected abstract ProblemFamily family();

    /** Relative tolerance of the finite-difference checks; override for badly conditioned families. */
    protected double gradientTolerance() {
        return 1e-6;
    }

    /** Points at which derivatives are checked: the initial point and random perturbations of it. */
    protected List<double[]> checkPoints(Problem p, RandomGenerator rng) {
        double[] x0 = p.initialPoint(0);
        double[] x1 = x0.clone();
        double[] x2 = p.initialPoint(1);
        for (int j = 0; j < x1.length; j++) {
            x1[j] += 0.5 * rng.nextGaussian();
        }
        return List.of(x0, x1, x2);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        ProblemFamily family = family();
        RandomGenerator rng = Seeds.rng(7);
        for (int k = 0; k < 3; k++) {
            Problem p = family.sample(100 + k);
            for (double[] x : checkPoints(p, rng)) {
                double[] g = new double[p.dimension()];
                double f = p.valueAndGradient(x, g);
                assertEquals(p.value(x), f, 1e-12 * (1 + Math.abs(f)), "valueAndGradient and value disagree");
                double[] fd = Differences.gradient(p, x);
                assertClose(fd, g, gradientTolerance(), "gradient of " + p.formula());
            }
        }
    }

    @Test
    void minibatchLossesAreReproducibleDistinctAndTheirGradientsMatchDifferences() {
        if (!(family().sample(300) instanceof StochasticProblem p)) {
            return;
        }
        RandomGenerator rng = Seeds.rng(9);
        double[] x0 = p.initialPoint(0);
        assertEquals(p.value(1, x0, 0), ((StochasticProblem) family().sample(300)).value(1, x0, 0), 0.0,
                "the same seed must give the same minibatch");
        assertNotEquals(p.value(0, x0, 0), p.value(1, x0, 0), "draws 0 and 1 must be different minibatches");
        for (long draw = 0; draw < 2; draw++) {
            Problem fk = p.atDraw(draw);
            for (double[] x : checkPoints(p, rng)) {
                double[] g = new double[p.dimension()];
                double f = fk.valueAndGradient(x, g);
                assertEquals(fk.value(x), f, 1e-12 * (1 + Math.abs(f)), "valueAndGradient and value disagree");
                assertClose(Differences.gradient(fk, x), g, gradientTolerance(),
                        "gradient of " + p.formula() + " on draw " + draw);
            }
        }
    }

    @Test
    void hessianMatchesDifferencesOfTheGradient() {
        Problem sample = family().sample(200);
        if (!(sample instanceof TwiceDifferentiable)) {
            return;
        }
        RandomGenerator rng = Seeds.rng(8);
        for (int k = 0; k < 3; k++) {
            TwiceDifferentiable p = (TwiceDifferentiable) family().sample(200 + k);
            int d = p.dimension();
            for (double[] x : checkPoints(p, rng)) {
                double[] h = new double[d * d];
                p.hessian(x, 0, h);
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        assertEquals(h[a * d + b], h[b * d + a], 1e-12 * (1 + Math.abs(h[a * d + b])),
                                "Hessian not symmetric at " + a + "," + b);
                    }
                }
                assertClose(Differences.hessian(p, x), h, 10 * gradientTolerance(), "Hessian of " + p.formula());
            }
        }
    }

    /**
     * A declared minimum is a lower bound at points near and far from the start, and a declared convexity holds along
     * random chords: results trust both (a closed-form f*, or a local solver's value taken as global).
     */
    @Test
    void declaredMinimumIsALowerBoundAndDeclaredConvexityHoldsOnChords() {
        RandomGenerator rng = Seeds.rng(11);
        for (int k = 0; k < 3; k++) {
            Problem p = family().sample(200 + k);
            double minimum = p.knownMinimum();
            for (int trial = 0; trial < 100; trial++) {
                double[] x = perturbed(p.initialPoint(trial % 3), rng, Math.pow(10, trial % 3 - 1));
                double[] y = perturbed(p.initialPoint(trial % 2), rng, Math.pow(10, trial % 3 - 1));
                double fx = p.value(x);
                if (Double.isFinite(minimum)) {
                    assertTrue(fx >= minimum - 1e-12 * (1 + Math.abs(minimum)), p.formula() + ": f = " + fx
                            + " below its declared minimum " + minimum);
                }
                if (p.convex()) {
                    double lambda = rng.nextDouble();
                    double[] z = new double[x.length];
                    for (int j = 0; j < z.length; j++) {
                        z[j] = lambda * x[j] + (1 - lambda) * y[j];
                    }
                    double chord = lambda * fx + (1 - lambda) * p.value(y);
                    assertTrue(p.value(z) <= chord + 1e-10 * (1 + Math.abs(chord)), p.formula()
                            + " is declared convex but lies above a chord: f(z) = " + p.value(z) + " > " + chord);
                }
            }
        }
    }

    private static double[] perturbed(double[] x, RandomGenerator rng, double scale) {
        double[] out = x.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += scale * rng.nextGaussian();
        }
        return out;
    }

    @Test
    void sameSeedSameProblemOtherSeedOtherProblem() {
        Problem a = family().sample(42);
        Problem b = family().sample(42);
        Problem c = family().sample(43);
        double[] x = a.initialPoint(0);
        assertArrayEquals(x, b.initialPoint(0), 0.0);
        assertEquals(a.value(x), b.value(x), 0.0);
        assertEquals(Configs.toJson(a.export()), Configs.toJson(b.export()));
        assertNotEquals(Configs.toJson(a.export()), Configs.toJson(c.export()));
        assertNotEquals(a.initialPoint(0)[0], a.initialPoint(1)[0], "restarts must differ");
    }

    @Test
    void batchedEvaluationEqualsSingleCalls() {
        Problem p = family().sample(5);
        int d = p.dimension();
        int count = 4;
        double[] points = new double[count * d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(p.initialPoint(i), 0, points, i * d, d);
        }
        double[] values = new double[count];
        double[] grads = new double[count * d];
        p.valueAndGradientBatch(count, points, values, grads);
        for (int i = 0; i < count; i++) {
            double[] g = new double[d];
            double f = p.valueAndGradient(p.initialPoint(i), g);
            assertEquals(f, values[i], 1e-12 * (1 + Math.abs(f)));
            for (int j = 0; j < d; j++) {
                assertEquals(g[j], grads[i * d + j], 1e-12 * (1 + Math.abs(g[j])));
            }
        }
    }

    @Test
    void offsetsAreRespected() {
        Problem p = family().sample(6);
        int d = p.dimension();
        double[] x = p.initialPoint(0);
        double[] padded = new double[d + 3];
        System.arraycopy(x, 0, padded, 3, d);
        double[] g = new double[d];
        double[] gPadded = new double[d + 2];
        double f = p.valueAndGradient(x, g);
        assertEquals(f, p.valueAndGradient(padded, 3, gPadded, 2), 0.0);
        assertEquals(f, p.value(padded, 3), 0.0);
        for (int j = 0; j < d; j++) {
            assertEquals(g[j], gPadded[2 + j], 0.0);
        }
    }

    @Test
    void exportIsJsonWithFormulaAndInitialPoint() throws Exception {
        Problem p = family().sample(9);
        Map<String, Object> e = p.export();
        assertEquals(p.formula(), e.get("formula"));
        String json = Configs.toJson(e);
        Map<?, ?> back = Configs.json().readValue(json, Map.class);
        assertTrue(back.containsKey("initialPoint"), "export must hold the initial point");
        assertEquals(p.dimension(), ((List<?>) back.get("initialPoint")).size());
    }

    @Test
    void splitsAreDisjointAndSized() {
        ProblemFamily f = family();
        for (Split s : f.splits()) {
            assertTrue(s.size() > 0, "split " + s.name() + " is empty");
        }
        if (f.splits().size() >= 2) {
            Problem a = f.problems(f.splits().get(0).name(), 1).get(0);
            Problem b = f.problems(f.splits().get(1).name(), 1).get(0);
            assertNotEquals(Configs.toJson(a.export()), Configs.toJson(b.export()));
        }
    }

    /** |a − b| ≤ tol · (1 + max|a|) element-wise, with a message naming the worst element. */
    public static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            assertTrue(err <= tol * scale, what + ": element " + i + " expected " + expected[i] + " but was "
                    + actual[i] + " (error " + err + ", tolerance " + tol * scale + ")");
        }
    }
}
