package org.l2o4j.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.ProblemFamilyProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.problem.ProblemFamily;

class CatalogRegistrationTest {

    private static final List<String> NAMES = List.of("logistic-regression", "robust-linear-regression",
            "two-layer-net", "quadratic", "renn-quadratic", "rosenbrock", "two-moons", "mnist-mlp");

    @Test
    void everyFamilyIsRegisteredUnderItsName() {
        Map<String, ProblemFamilyProvider> families = Catalog.families();
        assertTrue(families.keySet().containsAll(NAMES), "registered: " + families.keySet());
        for (String name : NAMES) {
            ProblemFamily f = Catalog.family(name, Map.of());
            assertEquals(name, f.name());
            assertTrue(families.get(name).description().length() > 20, "description of " + name);
        }
    }

    @Test
    void unknownKeyIsRejectedByNameForEveryFamily() {
        for (String name : NAMES) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Catalog.family(name, Map.of("pointz", 3)));
            assertTrue(e.getMessage().contains("'pointz'"), e.getMessage());
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void resolvedConfigListsEveryDefault() {
        assertEquals(Set.of("pointsPerClass", "featureDimension", "l2", "covariance", "initScale", "trainProblems",
                "testProblems"), Catalog.family("logistic-regression", Map.of()).config().keySet());
        assertEquals(5e-4, Catalog.family("logistic-regression", Map.of()).config().get("l2"));
        assertEquals(List.of(64, 64, 64), Catalog.family("two-moons", Map.of()).config().get("hiddenWidths"));
    }
}
