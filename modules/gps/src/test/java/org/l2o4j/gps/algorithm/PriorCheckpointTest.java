package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.KnownTransition;
import org.l2o4j.core.random.Seeds;
import org.l2o4j.core.rollout.DivergenceRule;
import org.l2o4j.gps.dynamics.GmmPrior;
import org.l2o4j.gps.dynamics.GmmPriorConfig;
import org.l2o4j.gps.dynamics.GmmPriorState;
import org.l2o4j.gps.dynamics.KnownTransitionFitter;
import org.l2o4j.gps.dynamics.NoPrior;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.init.MomentumGridInitializer;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;
import org.l2o4j.policy.PolicyRegressionConfig;
import org.l2o4j.policy.WeightedPolicyRegression;

/**
 * The GMM priors' checkpoint: an exact binary round trip, damaged files refused by name, a resumed run that equals
 * the uninterrupted one bit for bit with both priors on, and its size at Li &amp; Malik's dimensions.
 */
class PriorCheckpointTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);

    @Test
    void roundTripIsBitIdentical(@TempDir Path dir) {
        double nanWithPayload = Double.longBitsToDouble(0x7ff0_0000_0000_0123L);
        GmmPriorState byResponsibilities = new GmmPriorState(2, new int[] {2, 1},
                new double[] {-0.0, Double.MIN_VALUE, nanWithPayload, 1.0 / 3, Double.NEGATIVE_INFINITY, -1e300}, 3,
                List.of(new GmmPriorState.Initialization(3, 2), new GmmPriorState.Initialization(2, 2)),
                new GmmPriorState.Responsibilities(2, new double[] {-0.1 / 7, Math.log(0.3), 0, -745.2, Math.PI,
                        -Double.MAX_VALUE}));
        GmmPriorState byParameters = new GmmPriorState(2, new int[] {1}, new double[] {Math.E, -2}, 1, List.of(),
                new GmmPriorState.Parameters(1, new double[] {0.5, -0.25}, new double[] {2, 1.0 / 3, 5},
                        new double[] {0}));
        PriorCheckpoint saved = new PriorCheckpoint(List.of(
                new PriorCheckpoint.ConditionPriors(byParameters, byResponsibilities),
                new PriorCheckpoint.ConditionPriors(null, null),
                new PriorCheckpoint.ConditionPriors(byResponsibilities, null)));
        Path file = dir.resolve("priors.bin");
        saved.save(file);
        PriorCheckpoint loaded = PriorCheckpoint.load(file);
        assertEquals(3, loaded.conditions().size());
        for (int m = 0; m < 3; m++) {
            assertSameState(saved.conditions().get(m).dynamics(), loaded.conditions().get(m).dynamics());
            assertSameState(saved.conditions().get(m).policy(), loaded.conditions().get(m).policy());
        }
    }

    @Test
    void refusesDamagedFilesWithAOneLineMessageNamingTheFile(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("priors.bin");
        GmmPriorState state = new GmmPriorState(1, new int[] {2}, new double[] {1, 2}, 2,
                List.of(new GmmPriorState.Initialization(2, 2)),
                new GmmPriorState.Responsibilities(2, new double[] {0, -1, -1, 0}));
        new PriorCheckpoint(List.of(new PriorCheckpoint.ConditionPriors(state, state))).save(good);
        byte[] bytes = Files.readAllBytes(good);

        assertRefused(dir, "truncated.bin", Arrays.copyOf(bytes, bytes.length - 9), "is truncated");
        assertRefused(dir, "header-only.bin", Arrays.copyOf(bytes, 20), "is truncated");
        assertRefused(dir, "name.bin", flipped(bytes, 3), "is not a GPS prior checkpoint");
        assertRefused(dir, "version.bin", flipped(bytes, 16), "format version");
        assertRefused(dir, "length.bin", flipped(bytes, 20), "declares");
        assertRefused(dir, "count.bin", flipped(bytes, 28), "CRC-32C");
        assertRefused(dir, "payload.bin", flipped(bytes, bytes.length - 20), "CRC-32C");
        assertRefused(dir, "json.bin", "{\"format\": \"l2o4j-gps-trainer\"}".getBytes(StandardCharsets.UTF_8),
                "not a GPS prior checkpoint");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PriorCheckpoint.load(dir.resolve("absent.bin")));
        assertTrue(missing.getMessage().contains("absent.bin"), missing.getMessage());
    }

    private static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x10;
        return copy;
    }

    private static void assertRefused(Path dir, String name, byte[] content, String problem) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriorCheckpoint.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(problem),
                name + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /**
     * Iterations 0..3 in one go equal iterations 0..1, a checkpoint (trainer and prior files, the policy, the
     * regression's state), and iterations 2..3 on a new coupling with two threads, bit for bit, with the dynamics
     * prior and the policy prior both GMMs; without {@link CouplingStrategy#restorePriors} they would differ.
     */
    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void resumeWithRestoredPriorsEqualsTheUninterruptedRun(GpsConfig.Coupling coupling, @TempDir Path dir)
            throws IOException {
        PolicyRegressionConfig fewSteps = GpsConfig.tiny().regression();
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny())
                .iterations(4)
                .coupling(coupling)
                .regression(new PolicyRegressionConfig(fewSteps.learningRate(), fewSteps.beta1(), fewSteps.beta2(),
                        fewSteps.epsilon(), fewSteps.batchSize(), 50, fewSteps.l2Weight(), fewSteps.seed()))
                .build();
        assertEquals(GpsConfig.DynamicsPrior.GMM, config.dynamicsPrior());
        assertEquals(PolicyLinearizerConfig.Prior.REPLACE, config.linearizer().prior());
        int interruptAt = 2;

        Run straight = new Run(config, initialPolicy(config), null);
        List<ConditionState> states = initialStates(config);
        List<IterationRecord> straightRecords = new ArrayList<>();
        Path trainerFile = dir.resolve("trainer.json");
        Path priorFile = dir.resolve("priors.bin");
        GaussianMlpPolicy savedPolicy = null;
        WeightedPolicyRegression.State savedRegression = null;
        for (int i = 0; i < config.iterations(); i++) {
            if (i == interruptAt) {
                new TrainerCheckpoint(i, Configs.json().valueToTree(Configs.toMap(config)), states,
                        straight.regression.adamSteps(), straight.regression.state()).save(trainerFile);
                straight.coupling.priorCheckpoint().save(priorFile);
                savedPolicy = straight.coupling.policy().copy();
                savedRegression = straight.regression.state();
            }
            CouplingStrategy.Outcome outcome = straight.coupling.iterate(i, states);
            states = outcome.states();
            straightRecords.add(outcome.record());
        }

        TrainerCheckpoint trainer = TrainerCheckpoint.load(trainerFile);
        Run resumed = new Run(config.withThreads(2), savedPolicy.copy(), savedRegression);
        resumed.coupling.restorePriors(PriorCheckpoint.load(priorFile));
        List<ConditionState> resumedStates = trainer.states();
        for (int i = interruptAt; i < config.iterations(); i++) {
            CouplingStrategy.Outcome outcome = resumed.coupling.iterate(i, resumedStates);
            resumedStates = outcome.states();
            assertSameRecord(straightRecords.get(i), outcome.record());
        }
        assertArrayEquals(straight.coupling.policy().parameters(), resumed.coupling.policy().parameters());
        assertArrayEquals(straight.coupling.policy().logStd(), resumed.coupling.policy().logStd());
        for (int m = 0; m < CONDITIONS.size(); m++) {
            assertSameState(states.get(m), resumedStates.get(m));
        }
        straight.coupling.priorCheckpoint().save(dir.resolve("straight-end.bin"));
        resumed.coupling.priorCheckpoint().save(dir.resolve("resumed-end.bin"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("straight-end.bin")),
                Files.readAllBytes(dir.resolve("resumed-end.bin")), "the priors' whole state after the last iteration");

        Run restarted = new Run(config, savedPolicy.copy(), savedRegression);
        List<ConditionState> restartedStates = trainer.states();
        for (int i = interruptAt; i < config.iterations(); i++) {
            restartedStates = restarted.coupling.iterate(i, restartedStates).states();
        }
        assertFalse(Arrays.equals(straight.coupling.policy().parameters(), restarted.coupling.policy().parameters()),
                "restarting the GMMs must change the run, or this test shows nothing");
    }

    @Test
    void restoreRefusesACheckpointOfAnotherSetup() {
        GpsConfig config = GpsConfig.builder(GpsConfig.tiny()).iterations(1).build();
        Run run = new Run(config, initialPolicy(config), null);
        run.coupling.iterate(0, initialStates(config));
        PriorCheckpoint priors = run.coupling.priorCheckpoint();
        assertNotNull(priors.conditions().get(0).dynamics());
        assertNotNull(priors.conditions().get(0).policy());

        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> run.coupling.restorePriors(priors));
        assertTrue(twice.getMessage().contains("before its first iterate"), twice.getMessage());
        GpsConfig noPriors = GpsConfig.builder(config).dynamicsPrior(GpsConfig.DynamicsPrior.NONE).build();
        IllegalArgumentException dynamicsOff = assertThrows(IllegalArgumentException.class,
                () -> new Run(noPriors, initialPolicy(noPriors), null).coupling.restorePriors(priors));
        assertTrue(dynamicsOff.getMessage().contains("NONE"), dynamicsOff.getMessage());
        GpsConfig noPolicyPrior = GpsConfig.builder(config)
                .linearizer(config.linearizer().withPrior(PolicyLinearizerConfig.Prior.NONE)).build();
        IllegalArgumentException policyOff = assertThrows(IllegalArgumentException.class,
                () -> new Run(noPolicyPrior, initialPolicy(noPolicyPrior), null).coupling.restorePriors(priors));
        assertTrue(policyOff.getMessage().contains("policy GMM"), policyOff.getMessage());
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> new Run(config, initialPolicy(config), null).coupling.restorePriors(
                        new PriorCheckpoint(priors.conditions().subList(0, 2))));
        assertTrue(fewer.getMessage().contains("2 conditions"), fewer.getMessage());
    }

    /**
     * The bytes per condition at Li &amp; Malik's sizes (released-code features, d = 4, N = 20, T = 40, K = 20, the
     * known-transition dynamics prior): the dynamics prior over [x; u; z] in D = 13 keeps 780 points and stores its
     * mixture by its parameters, 98,032 bytes; the policy prior over [s; μ] in D = 237 keeps 800 points and stores its
     * responsibilities, 1,644,912 bytes (its parameters would be 4.55 MB). One EM step suffices: sizes depend on the
     * shapes only.
     */
    @Test
    void bytesPerConditionAtLiMaliksSizes(@TempDir Path dir) throws IOException {
        GpsConfig li = GpsConfig.liMalik();
        int d = 4;
        int dynamicsDimension = new KnownTransitionFitter(li.dynamics(), new NoPrior(),
                KnownTransition.of(li.preset(), d)).pointDimension();
        int policyDimension = li.preset().stateLayout(d).dimension() + d;
        assertEquals(13, dynamicsDimension);
        assertEquals(237, policyDimension);
        GmmPriorConfig oneStep = new GmmPriorConfig(20, 20, 20, 1.0, 1, false);
        RandomGenerator rng = Seeds.rng(1);
        int samples = li.samplesPerCondition();
        GmmPriorState dynamics = fitted(oneStep, samples, li.horizon() - 1, dynamicsDimension, rng);
        GmmPriorState policy = fitted(oneStep, samples, li.horizon(), policyDimension, rng);
        assertInstanceOf(GmmPriorState.Parameters.class, dynamics.mixture());
        assertInstanceOf(GmmPriorState.Responsibilities.class, policy.mixture());

        // header and trailer, and the 4-byte flag of the absent other prior
        long frame = bytes(dir, "empty.bin", new PriorCheckpoint.ConditionPriors(null, null)) - Integer.BYTES;
        long dynamicsBytes = bytes(dir, "dynamics.bin", new PriorCheckpoint.ConditionPriors(dynamics, null)) - frame;
        long policyBytes = bytes(dir, "policy.bin", new PriorCheckpoint.ConditionPriors(null, policy)) - frame;
        assertEquals(98_032, dynamicsBytes);
        assertEquals(1_644_912, policyBytes);
    }

    private static GmmPriorState fitted(GmmPriorConfig config, int trajectories, int rows, int dimension,
            RandomGenerator rng) {
        List<double[][]> batch = new ArrayList<>();
        for (int n = 0; n < trajectories; n++) {
            double[][] trajectory = new double[rows][];
            for (int t = 0; t < rows; t++) {
                trajectory[t] = Seeds.gaussian(rng, dimension);
            }
            batch.add(trajectory);
        }
        GmmPrior prior = new GmmPrior(config, 3);
        prior.update(batch);
        return prior.state().orElseThrow();
    }

    private static long bytes(Path dir, String name, PriorCheckpoint.ConditionPriors priors) throws IOException {
        Path file = dir.resolve(name);
        new PriorCheckpoint(List.of(priors)).save(file);
        return Files.size(file);
    }

    /** A coupling of the configured kind over a policy, with its regression (restored from a state when given). */
    private static final class Run {

        final WeightedPolicyRegression regression;
        final CouplingStrategy coupling;

        Run(GpsConfig config, GaussianMlpPolicy policy, WeightedPolicyRegression.State state) {
            regression = new WeightedPolicyRegression(policy, config.regression());
            if (state != null) {
                regression.restore(state);
            }
            coupling = config.coupling() == GpsConfig.Coupling.MDGPS
                    ? new Mdgps(config, CONDITIONS, policy, regression)
                    : new Badmm(config, CONDITIONS, policy, regression);
        }
    }

    private static GaussianMlpPolicy initialPolicy(GpsConfig config) {
        return GaussianMlpPolicy.initialize(new MlpArchitecture(config.preset().observationLayout(4).dimension(),
                config.hiddenUnits(), 4, config.activation()), 3);
    }

    private static List<ConditionState> initialStates(GpsConfig config) {
        MomentumGridInitializer init = new MomentumGridInitializer(config.preset(), config.horizon(),
                MomentumGridInitializer.LI_MALIK_MOMENTA, MomentumGridInitializer.LI_MALIK_STEP_SIZES,
                config.initialActionVariance(), DivergenceRule.DEFAULT);
        List<ConditionState> states = new ArrayList<>();
        for (Condition c : CONDITIONS) {
            states.add(ConditionState.initial(init.initialController(c), config.initialEta()));
        }
        return states;
    }

    private static void assertSameRecord(IterationRecord expected, IterationRecord actual) {
        String at = "iteration " + expected.iteration();
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.meanSampleCost(), actual.meanSampleCost(), at);
        assertEquals(expected.meanPolicyCost(), actual.meanPolicyCost(), at);
        assertEquals(expected.meanKlNats(), actual.meanKlNats(), at);
        assertEquals(expected.meanEta(), actual.meanEta(), at);
        assertEquals(expected.stepMultiplier(), actual.stepMultiplier(), at);
        assertEquals(expected.etaBumps(), actual.etaBumps(), at);
        assertEquals(expected.unconvergedEtaSearches(), actual.unconvergedEtaSearches(), at);
    }

    private static void assertSameState(ConditionState expected, ConditionState actual) {
        assertEquals(expected.eta(), actual.eta());
        assertEquals(expected.stepMultiplier(), actual.stepMultiplier());
        assertEquals(expected.previous(), actual.previous());
        LinearGaussianController a = expected.controller();
        LinearGaussianController b = actual.controller();
        for (int t = 0; t < a.horizon(); t++) {
            assertArrayEquals(a.gain(t), b.gain(t));
            assertArrayEquals(a.offset(t), b.offset(t));
            assertArrayEquals(a.covariance(t), b.covariance(t));
            assertArrayEquals(a.precision(t), b.precision(t));
        }
        if (expected.duals() != null) {
            assertArrayEquals(expected.duals().policyWeights(), actual.duals().policyWeights());
            for (int t = 0; t < expected.duals().horizon(); t++) {
                assertArrayEquals(expected.duals().dualGains()[t], actual.duals().dualGains()[t]);
                assertArrayEquals(expected.duals().dualOffsets()[t], actual.duals().dualOffsets()[t]);
            }
        }
    }

    private static void assertSameState(GmmPriorState expected, GmmPriorState actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(expected.dimension(), actual.dimension());
        assertArrayEquals(expected.trajectoryLengths(), actual.trajectoryLengths());
        assertSameBits(expected.points(), actual.points());
        assertEquals(expected.trainingPointCount(), actual.trainingPointCount());
        assertEquals(expected.initializations(), actual.initializations());
        assertEquals(expected.mixture().getClass(), actual.mixture().getClass());
        assertEquals(expected.mixture().clusterCount(), actual.mixture().clusterCount());
        if (expected.mixture() instanceof GmmPriorState.Responsibilities r) {
            assertSameBits(r.logResponsibilities(),
                    ((GmmPriorState.Responsibilities) actual.mixture()).logResponsibilities());
        } else {
            GmmPriorState.Parameters p = (GmmPriorState.Parameters) expected.mixture();
            GmmPriorState.Parameters q = (GmmPriorState.Parameters) actual.mixture();
            assertSameBits(p.means(), q.means());
            assertSameBits(p.upperCovariances(), q.upperCovariances());
            assertSameBits(p.logMasses(), q.logMasses());
        }
    }

    /** Equal raw bits, NaN payloads and signed zeros included. */
    private static void assertSameBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "entry " + i);
        }
    }
}
