package org.l2o4j.problems.limalik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.random.Seeds;

class TwoLayerNetTest {

    private final TwoLayerNetFamily family = new TwoLayerNetFamily(TwoLayerNetConfig.DEFAULTS);

    @Test
    void valueEqualsAPlainForwardPass() {
        RandomGenerator rng = Seeds.rng(31);
        for (int k = 0; k < 5; k++) {
            TwoLayerNet p = family.sample(300 + k);
            TwoLayerNetReference reference = new TwoLayerNetReference(p.export());
            for (double[] x : new double[][] {p.initialPoint(0), Seeds.gaussian(rng, 12), new double[12]}) {
                double expected = reference.loss(x);
                assertEquals(expected, p.value(x), 1e-12 * (1 + Math.abs(expected)));
            }
        }
    }

    @Test
    void hasTwelveParametersAndFourClustersOfTwentyFive() {
        TwoLayerNet p = family.sample(1);
        assertEquals(12, p.dimension());
        int[] labels = (int[]) p.export().get("labels");
        assertEquals(100, labels.length);
        for (int k = 0; k < 4; k++) {
            for (int i = 1; i < 25; i++) {
                assertEquals(labels[25 * k], labels[25 * k + i], "a cluster shares one label");
            }
        }
        assertEquals(80, family.split("train").size());
        assertEquals(100, family.split("test").size());
    }

    /** Without rejection one data set in 8 would have a single label; over 200 that would be ~25 of them. */
    @Test
    void noDataSetHasASingleLabel() {
        for (int s = 0; s < 200; s++) {
            int[] labels = (int[]) family.sample(s).export().get("labels");
            int ones = 0;
            for (int l : labels) {
                ones += l;
            }
            assertTrue(ones > 0 && ones < labels.length, "sample " + s + " has one label only");
        }
    }

    @Test
    void hessianHasTheCrossTermsOfTheOutputLayer() {
        TwoLayerNet p = new TwoLayerNet(new double[][] {{1, 0}}, new int[] {1}, 1, 0, 1, 1);
        assertEquals(7, p.dimension(), "W (1x2), b, U (2x1), c (2)");
        double[] x = {2, 0, 0, 0, 0, 0, 0};
        double[] h = new double[49];
        p.hessian(x, 0, h);
        double sigma = 0.5;
        assertEquals(sigma - 1, h[4 * 7], 1e-15, "d2s/dU1 dW00 = a_0 = 1, times l'(s) = sigma(0) - y");
        assertEquals(1 - sigma, h[3 * 7], 1e-15, "U0 enters s with the opposite sign");
        assertEquals(h[4 * 7], h[4], 0.0, "symmetric");
    }

    @Test
    void singleClusterIsRejectedByName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.family("two-layer-net", Map.of("clusters", 1)));
        assertTrue(e.getMessage().contains("clusters") && e.getMessage().contains("got 1"), e.getMessage());
    }

    @Test
    void initScaleScalesTheStart() {
        TwoLayerNetFamily small = (TwoLayerNetFamily) Catalog.family("two-layer-net", Map.of("initScale", 0.01));
        double[] a = family.sample(4).initialPoint(0);
        double[] b = small.sample(4).initialPoint(0);
        for (int j = 0; j < a.length; j++) {
            assertEquals(0.01 * a[j], b[j], 1e-15);
        }
    }
}
