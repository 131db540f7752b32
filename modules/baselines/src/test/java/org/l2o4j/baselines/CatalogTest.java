package org.l2o4j.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.l2o4j.baselines.optimizers.Adam;
import org.l2o4j.baselines.optimizers.Lbfgs;
import org.l2o4j.baselines.tuning.GridSearch;
import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.catalog.OptimizerProvider;
import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.optimizer.Optimizer;

/** Registration, configuration and validation of every baseline. */
class CatalogTest {

    private static final Set<String> NAMES = Set.of("gradient-descent", "momentum", "nesterov", "conjugate-gradient",
            "conjugate-gradient-ls", "lbfgs", "newton", "adam", "rmsprop", "adagrad");

    @Test
    void everyBaselineIsRegisteredUnderItsName() {
        Map<String, OptimizerProvider> registered = Catalog.optimizers();
        assertTrue(registered.keySet().containsAll(NAMES), "registered: " + registered.keySet());
        for (String name : NAMES) {
            Optimizer optimizer = Catalog.optimizer(name, Map.of());
            assertEquals(name, optimizer.name());
            assertEquals(optimizer.hyperparameters(),
                    ((BaselineProvider<?>) registered.get(name)).create(null).hyperparameters());
        }
    }

    @Test
    void everyDefaultGridSettingIsValid() {
        for (String name : NAMES) {
            OptimizerProvider provider = Catalog.optimizerProvider(name);
            for (Map<String, Object> setting : GridSearch.overDefaultGrid(provider).settings()) {
                provider.create(setting);
            }
        }
        assertEquals(Grids.LEARNING_RATES, Catalog.optimizerProvider("adam").defaultGrid().get("learningRate"));
        assertEquals(List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0, 3.0, 10.0), Grids.LEARNING_RATES);
        assertTrue(Catalog.optimizerProvider("lbfgs").defaultGrid().isEmpty());
    }

    @Test
    void hyperparametersAreReportedInDeclarationOrderWithTheirDefaults() {
        Optimizer adam = Catalog.optimizer("adam", Map.of("learningRate", 0.01));
        assertEquals(List.of("learningRate", "beta1", "beta2", "epsilon", "biasCorrection"),
                List.copyOf(adam.hyperparameters().keySet()));
        assertEquals(0.01, adam.hyperparameters().get("learningRate"));
        assertEquals(0.999, adam.hyperparameters().get("beta2"));
        assertEquals(true, adam.hyperparameters().get("biasCorrection"));
        assertEquals(new Adam.Hyperparameters(0.01, 0.9, 0.999, 1e-8, true), ((Adam) adam).settings());
        assertEquals(10, ((Lbfgs) Catalog.optimizer("lbfgs", Map.of())).settings().memory());
    }

    @Test
    void anUnknownKeyIsAConfigExceptionNamingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("momentum", Map.of("learningRate", 0.1, "decay", 0.9)));
        assertTrue(e.getMessage().contains("'decay'"), e.getMessage());
        assertTrue(e.getMessage().contains("beta"), "the valid keys are listed: " + e.getMessage());
    }

    @Test
    void aBadValueIsRejectedWithAMessageNamingIt() {
        ConfigException negative = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("adam", Map.of("learningRate", -0.5)));
        assertTrue(negative.getMessage().contains("learningRate") && negative.getMessage().contains("-0.5"),
                negative.getMessage());

        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> new Adam.Hyperparameters(1e-3, 1.0, 0.999, 1e-8, true));
        assertTrue(direct.getMessage().contains("beta1") && direct.getMessage().contains("1.0"), direct.getMessage());

        ConfigException curvature = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("lbfgs", Map.of("c2", 1e-5)));
        assertTrue(curvature.getMessage().contains("c2") && curvature.getMessage().contains("1.0E-5"),
                curvature.getMessage());

        ConfigException memory = assertThrows(ConfigException.class,
                () -> Catalog.optimizer("lbfgs", Map.of("memory", 0)));
        assertTrue(memory.getMessage().contains("memory") && memory.getMessage().contains("0"), memory.getMessage());
    }
}
