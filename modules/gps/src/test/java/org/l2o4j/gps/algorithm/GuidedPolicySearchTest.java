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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
import org.l2o4j.gps.env.Condition;
import org.l2o4j.gps.model.LinearGaussianController;
import org.l2o4j.gps.policy.PolicyLinearizerConfig;
import org.l2o4j.gps.policy.PolicyStepRule;
import org.l2o4j.policy.PolicyCheckpoint;
import org.l2o4j.policy.PolicyRegressionConfig;

/** The trainer's reproducibility contract: seeds, thread counts, checkpoints and resume (gps.md §5 item 10, §7). */
class GuidedPolicySearchTest {

    private static final List<Condition> CONDITIONS = TinyRuns.logisticConditions(0, 3);

    private static GpsConfig twoIterations() {
        return twoIterations(GpsConfig.Coupling.MDGPS);
    }

    private static GpsConfig twoIterations(GpsConfig.Coupling coupling) {
        return GpsConfig.builder(GpsConfig.tiny()).iterations(2).coupling(coupling).build();
    }

    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void sameSeedWritesByteIdenticalCheckpoints(GpsConfig.Coupling coupling, @TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        new GuidedPolicySearch(twoIterations(coupling), CONDITIONS).train(a, r -> { });
        new GuidedPolicySearch(twoIterations(coupling), CONDITIONS).train(b, r -> { });
        List<Path> files = relativeFiles(a);
        assertEquals(List.of(Path.of("iteration-0002", GuidedPolicySearch.POLICY_FILE),
                Path.of("iteration-0002", GuidedPolicySearch.TRAINER_FILE), Path.of(GuidedPolicySearch.LATEST)),
                files, "only the latest iteration is kept");
        assertEquals(files, relativeFiles(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        String trainer = Files.readString(a.resolve(Path.of("iteration-0002", GuidedPolicySearch.TRAINER_FILE)));
        assertTrue(trainer.contains("\"coupling\" : \"" + coupling.name().toLowerCase(Locale.ROOT) + "\""), trainer);
        assertEquals(coupling == GpsConfig.Coupling.BADMM, trainer.contains("\"dualOffsets\""),
                "the BADMM duals are checkpointed, and only with BADMM");
        new GuidedPolicySearch(GpsConfig.builder(twoIterations(coupling)).seed(1).build(), CONDITIONS)
                .train(dir.resolve("c"), r -> { });
        Path policy = Path.of("iteration-0002", GuidedPolicySearch.POLICY_FILE);
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(policy)),
                Files.readAllBytes(dir.resolve("c").resolve(policy))), "another seed must give another policy");
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
     * With no GMM priors the checkpoint holds the whole state (see {@link TrainerCheckpoint}), the S-step's Adam
     * moments and counts included, so 2 iterations + resume to 4 must write the same bytes as 4 uninterrupted
     * iterations; with BADMM that includes the duals ν, λK, λk the resumed iterations start from.
     */
    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void resumeEqualsAnUninterruptedRunWhenTheStateIsFullySaved(GpsConfig.Coupling coupling, @TempDir Path dir)
            throws IOException {
        PolicyRegressionConfig fewSteps = GpsConfig.tiny().regression();
        GpsConfig fourIterations = GpsConfig.builder(GpsConfig.tiny())
                .iterations(4)
                .coupling(coupling)
                .dynamicsPrior(GpsConfig.DynamicsPrior.NONE)
                .linearizer(GpsConfig.tiny().linearizer().withPrior(PolicyLinearizerConfig.Prior.NONE))
                .regression(new PolicyRegressionConfig(fewSteps.learningRate(), fewSteps.beta1(), fewSteps.beta2(),
                        fewSteps.epsilon(), fewSteps.batchSize(), 50, fewSteps.l2Weight(), fewSteps.seed()))
                .build();
        List<IterationRecord> straight = new ArrayList<>();
        new GuidedPolicySearch(fourIterations, CONDITIONS).train(dir.resolve("straight"), straight::add);
        List<IterationRecord> interrupted = new ArrayList<>();
        new GuidedPolicySearch(GpsConfig.builder(fourIterations).iterations(2).build(), CONDITIONS)
                .train(dir.resolve("resumed"), interrupted::add);
        new GuidedPolicySearch(fourIterations.withThreads(2), CONDITIONS).resume(dir.resolve("resumed"),
                interrupted::add);
        assertEquals(4, interrupted.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(straight.get(i).meanSampleCost(), interrupted.get(i).meanSampleCost());
            assertEquals(straight.get(i).stepMultiplier(), interrupted.get(i).stepMultiplier());
            assertEquals(straight.get(i).meanKlNats(), interrupted.get(i).meanKlNats());
        }
        assertNotEquals(1.0, straight.get(3).stepMultiplier(), "the step-size record must have been exercised");
        Path policy = Path.of("iteration-0004", GuidedPolicySearch.POLICY_FILE);
        Path trainer = Path.of("iteration-0004", GuidedPolicySearch.TRAINER_FILE);
        String straightTrainer = Files.readString(dir.resolve("straight").resolve(trainer));
        String resumedTrainer = Files.readString(dir.resolve("resumed").resolve(trainer));
        // the resumed run was configured with 2 threads: the only permitted difference
        assertEquals(straightTrainer, resumedTrainer.replace("\"threads\" : 2", "\"threads\" : 1"));
        assertEquals(Files.readString(dir.resolve("straight").resolve(policy)),
                Files.readString(dir.resolve("resumed").resolve(policy)).replace("\"threads\" : 2",
                        "\"threads\" : 1"));
    }

    /**
     * With the full configuration a resume restores the network, controllers, η, stepMult and step record exactly,
     * so the first resumed iteration samples exactly what the uninterrupted run sampled; its later phases differ
     * because the GMMs restart (documented in {@link TrainerCheckpoint}).
     */
    @ParameterizedTest
    @EnumSource(GpsConfig.Coupling.class)
    void resumeWithPriorsRestoresTheSampledStateExactly(GpsConfig.Coupling coupling, @TempDir Path dir) {
        GpsConfig three = GpsConfig.builder(GpsConfig.tiny()).iterations(3).coupling(coupling).build();
        List<IterationRecord> straight = new ArrayList<>();
        new GuidedPolicySearch(three, CONDITIONS).train(straight::add);
        List<IterationRecord> resumed = new ArrayList<>();
        new GuidedPolicySearch(twoIterations(coupling), CONDITIONS).train(dir, resumed::add);
        GuidedPolicySearch.Result result = new GuidedPolicySearch(three, CONDITIONS).resume(dir, resumed::add);
        assertEquals(3, result.completedIterations());
        assertEquals(3, resumed.size());
        assertEquals(straight.get(2).meanSampleCost(), resumed.get(2).meanSampleCost());
        assertTrue(Double.isFinite(resumed.get(2).meanPolicyCost()));
        TrainerCheckpoint saved = TrainerCheckpoint.load(GuidedPolicySearch.latestIterationFolder(dir)
                .resolve(GuidedPolicySearch.TRAINER_FILE));
        assertEquals(3, saved.completedIterations());
        for (int m = 0; m < CONDITIONS.size(); m++) {
            assertSameController(result.states().get(m).controller(), saved.states().get(m).controller());
            assertEquals(result.states().get(m).previous(), saved.states().get(m).previous());
            assertSameDuals(result.states().get(m).duals(), saved.states().get(m).duals());
        }
    }

    @Test
    void refusesToOverwriteACheckpointOrToResumeAnotherConfiguration(@TempDir Path dir) {
        GpsConfig one = GpsConfig.builder(GpsConfig.tiny()).iterations(1).build();
        new GuidedPolicySearch(one, CONDITIONS).train(dir, r -> { });
        IllegalStateException overwrite = assertThrows(IllegalStateException.class,
                () -> new GuidedPolicySearch(one, CONDITIONS).train(dir, r -> { }));
        assertTrue(overwrite.getMessage().contains("resume"), overwrite.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new GuidedPolicySearch(GpsConfig.builder(one).klStepPerTimeStep(0.5).iterations(2).build(),
                        CONDITIONS).resume(dir, r -> { }));
        assertTrue(other.getMessage().contains("klStepPerTimeStep"), other.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new GuidedPolicySearch(one, CONDITIONS).resume(dir.resolve("nothing"), r -> { }));
        assertTrue(missing.getMessage().contains("no GPS checkpoint"), missing.getMessage());
    }

    /**
     * A checkpoint written before BADMM existed has no {@code coupling} / {@code badmm} in its config: it resumes as
     * MDGPS; a BADMM configuration refuses an MDGPS checkpoint, naming the field.
     */
    @Test
    void checkpointsWithoutACouplingResumeAsMdgpsOnly(@TempDir Path dir) throws IOException {
        GpsConfig one = GpsConfig.builder(GpsConfig.tiny()).iterations(1).build();
        new GuidedPolicySearch(one, CONDITIONS).train(dir, r -> { });
        Path trainer = GuidedPolicySearch.latestIterationFolder(dir).resolve(GuidedPolicySearch.TRAINER_FILE);
        ObjectNode root = (ObjectNode) Configs.json().readTree(Files.readAllBytes(trainer));
        ((ObjectNode) root.get("config")).remove(List.of("coupling", "badmm"));
        Files.writeString(trainer, Configs.toJson(root));
        GpsConfig two = GpsConfig.builder(one).iterations(2).build();
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new GuidedPolicySearch(GpsConfig.builder(two).coupling(GpsConfig.Coupling.BADMM).build(),
                        CONDITIONS).resume(dir, r -> { }));
        assertTrue(other.getMessage().contains("another configuration"), other.getMessage());
        assertEquals(2, new GuidedPolicySearch(two, CONDITIONS).resume(dir, r -> { }).completedIterations());
    }

    /**
     * The checkpointed policy, as core's optimizer with the stored preset, runs 100 steps on problems it never saw:
     * finite throughout, and lower than f(x_0) after the T − 1 steps it was trained for.
     */
    @Test
    void trainedPolicyRunsAsAnOptimizerOnHeldOutProblems(@TempDir Path dir) {
        GpsConfig config = twoIterations();
        new GuidedPolicySearch(config, CONDITIONS).train(dir, r -> { });
        PolicyCheckpoint checkpoint = GuidedPolicySearch.latestPolicy(dir);
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
