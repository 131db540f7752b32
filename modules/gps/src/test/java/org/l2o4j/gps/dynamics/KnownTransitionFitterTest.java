package org.l2o4j.gps.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.mdp.FeatureHistory;
import org.l2o4j.core.mdp.FeaturePreset;
import org.l2o4j.core.mdp.KnownTransition;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.gps.model.LinearGaussianDynamics;

/**
 * The known-transition fit on trajectories of a quadratic f(x) = ½xᵀAx + bᵀx, whose new gradient A(x + u) + b is
 * exactly linear in [x; u]: the fitted gradient rows must be [A A] and b, every row without the (quadratic) objective
 * feature must reproduce the next state exactly, and the noise must sit only where fresh entries land.
 */
class KnownTransitionFitterTest {

    private static final int D = 3;
    private static final double[] A = {2.0, 0.3, -0.1, 0.3, 1.0, 0.2, -0.1, 0.2, 0.5};
    private static final double[] B = {0.4, -1.0, 0.25};

    private static double value(double[] x) {
        double f = 0;
        for (int i = 0; i < D; i++) {
            double ax = 0;
            for (int j = 0; j < D; j++) {
                ax += A[i * D + j] * x[j];
            }
            f += 0.5 * x[i] * ax + B[i] * x[i];
        }
        return f;
    }

    private static double[] gradient(double[] x) {
        double[] g = B.clone();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                g[i] += A[i * D + j] * x[j];
            }
        }
        return g;
    }

    /** N trajectories of T states of the preset's features under random steps, x_0 ~ N(0, I). */
    private record Samples(double[][][] x, double[][][] u) {

        static Samples generate(FeaturePreset preset, int n, int horizon, long seed) {
            RandomGenerator rng = Seeds.rng(seed);
            FeatureHistory history = new FeatureHistory(preset, 1, D);
            double[][][] x = new double[n][horizon][history.stateDimension()];
            double[][][] u = new double[n][horizon][D];
            for (int s = 0; s < n; s++) {
                double[] point = Seeds.gaussian(rng, D);
                history.reset(0, point, 0, value(point), gradient(point), 0);
                for (int t = 0; t < horizon; t++) {
                    history.state(0, x[s][t], 0);
                    for (int j = 0; j < D; j++) {
                        u[s][t][j] = 0.3 * rng.nextGaussian();
                        point[j] += u[s][t][j];
                    }
                    history.record(0, point, 0, value(point), gradient(point), 0);
                }
            }
            return new Samples(x, u);
        }
    }

    @Test
    void recoversTheGradientMapAndReproducesEveryKnownEntry() {
        for (FeaturePreset preset : new FeaturePreset[] {FeaturePreset.paper(4, true), FeaturePreset.releasedCode(4)}) {
            KnownTransition transition = KnownTransition.of(preset, D);
            Samples samples = Samples.generate(preset, 30, 8, 5);
            KnownTransitionFitter fitter = new KnownTransitionFitter(DynamicsConfig.liMalik().withRidge(1e-10),
                    new NoPrior(), transition);
            fitter.updatePrior(samples.x(), samples.u());
            LinearGaussianDynamics dynamics = fitter.fit(samples.x(), samples.u()).toLinearGaussianDynamics();
            int dX = transition.stateDimension();
            int n = dX + D;
            int[] fresh = transition.freshIndices();
            for (int t = 0; t < 7; t++) {
                assertTrue(dynamics.isSparse(t), preset.name() + " F_t is sparse at t = " + t);
                double[] f = dynamics.transitionMatrix(t);
                double[] offset = dynamics.transitionOffset(t);
                for (int j = 0; j < D; j++) {
                    int row = fresh[1 + j] * n;
                    for (int k = 0; k < D; k++) {
                        assertEquals(A[j * D + k], f[row + k], 1e-6, preset.name() + " ∂g_" + j + "/∂x_" + k);
                        assertEquals(A[j * D + k], f[row + dX + k], 1e-6, preset.name() + " ∂g_" + j + "/∂u_" + k);
                    }
                    assertEquals(B[j], offset[fresh[1 + j]], 1e-6, preset.name() + " g offset " + j);
                }
                Set<Integer> objectiveRows = new HashSet<>();
                Set<Integer> noisyRows = new HashSet<>();
                for (KnownTransition.Term term : transition.terms(t)) {
                    if (term.source() == KnownTransition.Source.FRESH) {
                        noisyRows.add(term.target());
                        if (term.index() == 0) {
                            objectiveRows.add(term.target());
                        }
                    }
                }
                double[] noise = dynamics.noiseCovariance(t);
                for (int i = 0; i < dX; i++) {
                    for (int k = 0; k < dX; k++) {
                        if (!noisyRows.contains(i) || !noisyRows.contains(k)) {
                            assertEquals(0.0, noise[i * dX + k], 0.0, "Σdyn outside the fresh rows");
                        }
                    }
                }
                for (int s = 0; s < 30; s++) {
                    double[] joint = new double[n];
                    System.arraycopy(samples.x()[s][t], 0, joint, 0, dX);
                    System.arraycopy(samples.u()[s][t], 0, joint, dX, D);
                    double[] predicted = dynamics.apply(t, joint);
                    for (int i = 0; i < dX; i++) {
                        if (!objectiveRows.contains(i)) {
                            assertEquals(samples.x()[s][t + 1][i], predicted[i], 1e-6,
                                    preset.name() + " entry " + i + " of s_{t+1}, sample " + s + ", t = " + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void worksUnderTheMixturePriorInTheSmallSpace() {
        FeaturePreset preset = FeaturePreset.releasedCode(4);
        KnownTransition transition = KnownTransition.of(preset, D);
        Samples samples = Samples.generate(preset, 10, 12, 6);
        GmmPrior prior = new GmmPrior(GmmPriorConfig.liMalik().withClusters(4, 10).withMaxSamples(10), 3L);
        KnownTransitionFitter fitter = new KnownTransitionFitter(DynamicsConfig.liMalik(), prior, transition);
        assertEquals(3 * D + 1, fitter.pointDimension());
        fitter.updatePrior(samples.x(), samples.u());
        assertEquals(3 * D + 1, prior.mixture().orElseThrow().dimension());
        LinearGaussianDynamics dynamics = fitter.fit(samples.x(), samples.u()).toLinearGaussianDynamics();
        int[] fresh = transition.freshIndices();
        int n = transition.stateDimension() + D;
        double[] f = dynamics.transitionMatrix(3);
        // with 10 samples and a prior the gradient map is still close to [A A]
        for (int j = 0; j < D; j++) {
            for (int k = 0; k < D; k++) {
                assertEquals(A[j * D + k], f[fresh[1 + j] * n + k], 0.05);
            }
        }
    }

    @Test
    void rejectsSamplesOfAnotherPreset() {
        KnownTransition transition = KnownTransition.of(FeaturePreset.paper(4, true), D);
        Samples other = Samples.generate(FeaturePreset.releasedCode(4), 3, 4, 7);
        KnownTransitionFitter fitter = new KnownTransitionFitter(DynamicsConfig.liMalik(), new NoPrior(), transition);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitter.fit(other.x(), other.u()));
        assertTrue(e.getMessage().contains("dimension mismatch"), e.getMessage());
    }
}
