package org.l2o4j.gps.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.mdp.FeatureDrivenOptimizer;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutListener;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.Provenance;
import org.l2o4j.core.training.MetaTrainer;
import org.l2o4j.core.training.TrainingFolder;
import org.l2o4j.core.training.TrainingHeader;
import org.l2o4j.gps.GpsTrainer;
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policy.PolicyStepRule;

/**
 * The trainer's reproducibility contract at the level of the algorithm, for both couplings: seeds, thread counts,
 * checkpoints with the GMM priors and resume (gps.md §5 item 10, §7); {@code GpsTrainerContractTest} checks the
 * training-folder contract of the registered trainer.
 */
class GuidedPolicySearchTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);

    private static GpsConfig twoIterations() {
        return twoIterations(GpsConfig.Coupling.MDGPS);
    }

    private static GpsConfig twoIterations(GpsConfig.Coupling coupling) {
        return GpsConfig.builder(GpsConfig.tiny()).iterations(2).coupling(coupling).build();
    }

    private static TrainingHeader header(GpsConfig config) {
        return TrainingHeader.split(Map.of("kind", GpsTrainer.KIND, "family", "logistic-regression", "seed",
                config.seed(), "threads", config.threads()), "test").header();
    }

    /** The configuration as a training folder's settings (seed and threads are the header's). */
    private static Map<String, Object> settings(GpsConfig config) {
        Map<String, Object> settings = Configs.toMap(config);
        GuidedPolicySearch.RESUMABLE.forEach(settings::remove);
        settings.remove("seed");
        return settings;
    }

    /** A training folder for {@code config} under {@code root}, as {@code l2o train} makes one. */
    private static TrainingFolder folder(Path root, GpsConfig config) {
        return TrainingFolder.create(root, header(config), settings(config), Set.copyOf(GuidedPolicySearch.RESUMABLE),
                Provenance.capture("test", config.seed(), "test"));
    }

    private static TrainingFolder reopen(Path run, GpsConfig config) {
        return TrainingFolder.resume(run, header(config), settings(config), Set.copyOf(GuidedPolicySearch.RESUMABLE),
                new MetaTrainer.Budget("iterations", config.iterations(), "iteration"),
                Provenance.capture("test", config.seed(), "test"));
    }

    /** Trains {@code config} into a new folder under {@code root}; returns the run folder. */
    private static Path train(Path root, GpsConfig config, Consumer<IterationRecord> listener) {
        try (TrainingFolder f = folder(root, config)) {
            new GuidedPolicySearch(config, CONDITIONS).run(f, listener);
            return f.path();
        }
    }

    /** Resumes the run in {@code run} with {@code config}. */
    private static GuidedPolicySearch.Result resume(Path run, GpsConfig config, Consumer<IterationRecord> listener) {
        try (TrainingFolder f = reopen(run, config)) {
            return new GuidedPolicySearch(config, CONDITIONS).run(f, listener);
        }
    }

    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void sameSeedWritesByteIdenticalCheckpoints(GpsConfig.Coupling coupling, @TempDir Path dir) throws IOException {
        Path a = train(dir.resolve("a"), twoIterations(coupling), r -> { }).resolve(TrainingFolder.CHECKPOINTS);
        Path b = train(dir.resolve("b"), twoIterations(coupling), r -> { }).resolve(TrainingFolder.CHECKPOINTS);
        List<Path> files = relativeFiles(a);
        assertEquals(List.of(Path.of("iteration-000002", TrainingFolder.MANIFEST),
                Path.of("iteration-000002", GuidedPolicySearch.POLICY_FILE),
                Path.of("iteration-000002", GuidedPolicySearch.PRIORS_FILE),
                Path.of("iteration-000002", GuidedPolicySearch.TRAINER_FILE), Path.of(TrainingFolder.LATEST)),
                files, "only the latest iteration is kept");
        assertEquals(files, relativeFiles(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        String trainer = Files.readString(a.resolve(Path.of("iteration-000002", GuidedPolicySearch.TRAINER_FILE)));
        assertTrue(trainer.contains("\"coupling\" : \"" + coupling.name().toLowerCase(Locale.ROOT) + "\""),
                trainer);
        assertEquals(coupling == GpsConfig.Coupling.BADMM, trainer.contains("\"dualOffsets\""),
                "the BADMM duals are checkpointed, and only with BADMM");
        assertFalse(trainer.contains("divergedSampleRedraws"),
                "without redraws the configuration is stored as before the setting existed");
        Path c = train(dir.resolve("c"), GpsConfig.builder(twoIterations(coupling)).seed(1).build(), r -> { })
                .resolve(TrainingFolder.CHECKPOINTS);
        Path policy = Path.of("iteration-000002", GuidedPolicySearch.POLICY_FILE);
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(policy)), Files.readAllBytes(c.resolve(policy))),
                "another seed must give another policy");
    }

    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void oneAndTwoThreadsGiveTheSamePolicyAndControllers(GpsConfig.Coupling coupling) {
        GuidedPolicySearch.Result one = new GuidedPolicySearch(twoIterations(coupling), CONDITIONS).train(r -> { });
        GuidedPolicySearch.Result two = new GuidedPolicySearch(twoIterations(coupling).withThreads(2), CONDITIONS)
                .train(r -> { });
        assertArrayEquals(one.policy().parameters(), two.policy().parameters());
        assertArrayEquals(one.policy().logStd(), two.policy().logStd());
        for (int m = 0; m < CONDITIONS.size(); m++) {
            assertSameController(one.states().get(m).controller(), two.states().get(m).controller());
            assertEquals(one.states().get(m).eta(), two.states().get(m).eta());
            assertEquals(one.states().get(m).stepMultiplier(), two.states().get(m).stepMultiplier());
            assertSameDuals(one.states().get(m).duals(), two.states().get(m).duals());
        }
    }

    /**
     * The checkpoint holds the whole state (see {@link TrainerCheckpoint} and {@link PriorCheckpoint}): the network,
     * controllers, η, stepMult, the step record, the S-step's Adam state, BADMM's duals and the GMM priors. So 2
     * iterations, then a resume to 4 on 2 threads, write the same bytes as 4 uninterrupted iterations, with the GMM
     * priors of the tiny profile on.
     */
    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void resumeEqualsAnUninterruptedRunByteForByte(GpsConfig.Coupling coupling, @TempDir Path dir)
            throws IOException {
        GpsConfig four = GpsConfig.builder(GpsConfig.tiny()).iterations(4).coupling(coupling).build();
        assertEquals(GpsConfig.DynamicsPrior.GMM, four.dynamicsPrior());
        List<IterationRecord> straight = new ArrayList<>();
        Path whole = train(dir.resolve("straight"), four, straight::add);
        List<IterationRecord> interrupted = new ArrayList<>();
        Path resumed = train(dir.resolve("resumed"), GpsConfig.builder(four).iterations(2).build(),
                interrupted::add);
        GuidedPolicySearch.Result result = resume(resumed, four.withThreads(2), interrupted::add);
        assertEquals(4, result.completedIterations());
        assertEquals(4, interrupted.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(straight.get(i).meanSampleCost(), interrupted.get(i).meanSampleCost());
            assertEquals(straight.get(i).meanPolicyCost(), interrupted.get(i).meanPolicyCost());
            assertEquals(straight.get(i).meanKlNats(), interrupted.get(i).meanKlNats());
        }
        assertNotEquals(1.0, straight.get(3).stepMultiplier(), "the step-size record must have been exercised");
        for (String file : List.of(GuidedPolicySearch.POLICY_FILE, GuidedPolicySearch.TRAINER_FILE,
                GuidedPolicySearch.PRIORS_FILE)) {
            Path f = Path.of(TrainingFolder.CHECKPOINTS, "iteration-000004", file);
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(resumed.resolve(f)), file);
        }
    }

    /**
     * Behind the folder's comparison of the training file, GPS checks the configuration its checkpoint stores: a
     * folder opened with the run's settings but a trainer with another KL step is refused, naming the field.
     */
    @Test
    void refusesToResumeAnotherConfiguration(@TempDir Path dir) {
        GpsConfig one = GpsConfig.builder(GpsConfig.tiny()).iterations(1).build();
        Path run = train(dir, one, r -> { });
        GpsConfig other = GpsConfig.builder(one).klStepPerTimeStep(0.5).iterations(2).build();
        try (TrainingFolder f = reopen(run, GpsConfig.builder(one).iterations(2).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GuidedPolicySearch(other, CONDITIONS).run(f, r -> { }));
            assertTrue(e.getMessage().contains("\"klStepPerTimeStep\":0.5"), e.getMessage());
        }
        GpsConfig redrawing = GpsConfig.builder(one).divergedSampleRedraws(5).iterations(2).build();
        try (TrainingFolder f = reopen(run, GpsConfig.builder(one).iterations(2).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GuidedPolicySearch(redrawing, CONDITIONS).run(f, r -> { }));
            assertTrue(e.getMessage().contains("\"divergedSampleRedraws\":5"), e.getMessage());
        }
    }

    /**
     * The checkpointed policy, as core's optimizer with the stored preset, runs 100 steps on problems it never saw:
     * finite throughout, and lower than f(x_0) after the T − 1 steps it was trained for.
     */
    @Test
    void trainedPolicyRunsAsAnOptimizerOnHeldOutProblems(@TempDir Path dir) {
        GpsConfig config = twoIterations();
        Path run = train(dir, config, r -> { });
        PolicyCheckpoint checkpoint = PolicyCheckpoint.load(TrainingFolder.latestOf(run).orElseThrow()
                .file(GuidedPolicySearch.POLICY_FILE));
        FeatureDrivenOptimizer optimizer = PolicyStepRule.optimizer(checkpoint);
        assertEquals(config.preset(), optimizer.preset(), "the preset, H included, comes from the checkpoint");
        List<Condition> heldOut = TinyRuns.logisticConditions(100, 5);
        List<Problem> problems = new ArrayList<>();
        List<double[]> starts = new ArrayList<>();
        for (Condition c : heldOut) {
            problems.add(c.problem());
            starts.add(c.initialPoint());
        }
        RolloutResult result = Rollout.run(optimizer, problems, starts, Rollout.Options.of(100),
                RolloutListener.NONE);
        assertEquals(0, result.divergedCount());

        for (int i = 0; i < problems.size(); i++) {
            for (double f : result.objective()[i]) {
                assertTrue(Double.isFinite(f), "problem " + i + ": " + f);
            }
            // descent is asserted over the horizon it was trained for; a tiny-budget policy run 10× longer need not
            // keep descending (problem 100 rises again after ~10 steps), but it must stay finite
            int trained = config.horizon() - 1;
            assertTrue(result.objective()[i][trained] < result.objective()[i][0],
                    "the learned optimizer should descend within T − 1 steps on held-out problem " + i);
        }
    }

    private static void assertSameController(LinearGaussianController a, LinearGaussianController b) {
        assertEquals(a.horizon(), b.horizon());
        for (int t = 0; t < a.horizon(); t++) {
            assertArrayEquals(a.gain(t), b.gain(t));
            assertArrayEquals(a.offset(t), b.offset(t));
            assertArrayEquals(a.covariance(t), b.covariance(t));
            assertArrayEquals(a.covarianceCholesky(t), b.covarianceCholesky(t));
            assertArrayEquals(a.precision(t), b.precision(t));
        }
    }

    private static void assertSameDuals(BadmmDuals a, BadmmDuals b) {
        if (a == null || b == null) {
            assertEquals(a, b);
            return;
        }
        assertArrayEquals(a.policyWeights(), b.policyWeights());
        for (int t = 0; t < a.horizon(); t++) {
            assertArrayEquals(a.dualGains()[t], b.dualGains()[t]);
            assertArrayEquals(a.dualOffsets()[t], b.dualOffsets()[t]);
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
