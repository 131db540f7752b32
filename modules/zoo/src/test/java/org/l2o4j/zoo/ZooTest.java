package org.l2o4j.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.rollout.Rollout;
import org.l2o4j.core.rollout.RolloutResult;
import org.l2o4j.core.run.Sha256;
import org.l2o4j.core.training.TrainedOptimizer;

/**
 * Every shipped entry still loads with today's code and scores exactly what it scored when it was added (old
 * checkpoints are fixtures: a change to a loader or an optimizer that alters them fails here), and zoo references
 * work wherever the catalog resolves checkpoints.
 */
class ZooTest {

    private final Zoo zoo = new Zoo();

    @Test
    void everyEntryLoadsAndReScoresToTheLastBit() {
        assertTrue(zoo.entries().containsKey("li-malik-logreg"), "the main job's learned optimizer is shipped");
        for (ZooEntry e : zoo.entries().values()) {
            ZooEntry.Rescore r = e.rescore();
            List<Problem> test = Catalog.family(r.family(), r.familyConfig()).problems(r.split(), r.seed())
                    .subList(0, r.finalObjective().size());
            RolloutResult result = Rollout.run(Catalog.optimizer(e.optimizer(), Map.of("checkpoint", "zoo:" + e.name())),
                    test, test.stream().map(p -> p.initialPoint(0)).toList(), Rollout.Options.of(r.steps()),
                    (t, steps) -> { });
            for (int i = 0; i < test.size(); i++) {
                assertEquals(r.finalObjective().get(i), result.objective()[i][r.steps()], 0.0,
                        e.name() + " on test function " + i);
            }
            assertTrue(zoo.trainingFile(e.name()).contains("kind: "), e.name() + " ships its training file");
            assertTrue(((Number) e.heldOut().get("learnedFinal")).doubleValue() > 0, e.name());
        }
    }

    @Test
    void aReferenceNamesTheEntryNotAFileOfThisMachine() {
        assertTrue(Catalog.isPretrained("zoo:li-malik-logreg"));
        assertFalse(Catalog.isPretrained("runs/li-malik-logreg-gps"));
        TrainedOptimizer t = Catalog.pretrained("zoo:li-malik-logreg");
        assertEquals("predicted-step-descent", t.optimizer());
        assertEquals("li-malik-logreg", t.label());
        assertEquals(Map.of("checkpoint", "zoo:li-malik-logreg"), t.hyperparameters());
        assertEquals("zoo:li-malik-logreg", Catalog.optimizer(t.optimizer(), t.hyperparameters()).hyperparameters()
                .get("checkpoint"));
    }

    @Test
    void aDamagedCopyIsReplacedFromTheVerifiedResource() throws Exception {
        Path file = Catalog.checkpointFile("zoo:li-malik-logreg");
        String digest = zoo.entry("li-malik-logreg").sha256();
        assertEquals(digest, Sha256.of(file));
        Files.writeString(file, "{ damaged");
        assertEquals(file, Catalog.checkpointFile("zoo:li-malik-logreg"));
        assertEquals(digest, Sha256.of(file));
    }

    @Test
    void anUnknownEntryIsOneLineListingTheEntries() {
        ConfigException e = assertThrows(ConfigException.class, () -> Catalog.checkpointFile("zoo:nosuch"));
        assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("li-malik-logreg")
                && !e.getMessage().contains("\n"), e.getMessage());
    }
}
