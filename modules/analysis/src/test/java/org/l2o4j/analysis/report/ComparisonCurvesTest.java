package org.l2o4j.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.ConfigException;

/** Mean ± std curves from a comparison's results.csv, against values computed by hand, and a damaged file refused. */
class ComparisonCurvesTest {

    @TempDir
    Path folder;

    @Test
    void meanAndStandardDeviationPerOptimizerAndStep() throws IOException {
        Files.writeString(folder.resolve("results.csv"), String.join("\n",
                "optimizer,problem,restart,step,objective,gradient_norm,value_evaluations,gradient_evaluations,"
                        + "hessian_evaluations,diverged",
                "adam,0,0,0,4.0,1,1,1,0,0", "adam,0,0,1,2.0,1,2,2,0,0",
                "adam,1,0,0,6.0,1,1,1,0,0", "adam,1,0,1,1.0,1,2,2,0,0",
                "adam,2,0,0,8.0,1,1,1,0,0", "adam,2,0,1,3.0,1,2,2,0,0",
                "sgd,0,0,0,4.0,1,1,1,0,0", "sgd,0,0,1,4.0,1,2,2,0,0") + "\n");
        Map<String, double[][]> curves = ComparisonCurves.read(folder);
        assertEquals(List.of("adam", "sgd"), List.copyOf(curves.keySet()));
        assertEquals(3, curves.get("adam").length);
        Map<String, Object> summary = ComparisonCurves.write(curves, "t", folder);
        @SuppressWarnings("unchecked")
        Map<String, Object> adam = (Map<String, Object>) summary.get("adam");
        assertEquals((4 + 2 + 6 + 1 + 8 + 3) / 6.0, (double) adam.get("meanObjectiveOverSteps"), 1e-15);
        assertEquals((1 + 0.5 + 1 + 1.0 / 6 + 1 + 3.0 / 8) / 6, (double) adam.get("meanRelativeObjectiveOverSteps"),
                1e-15);
        List<String> ratios = Files.readAllLines(folder.resolve("comparison-normalized-curves.csv"));
        assertEquals("adam,0,1.0,0.0,3", ratios.get(1));
        List<String> rows = Files.readAllLines(folder.resolve("comparison-curves.csv"));
        assertEquals("adam,0,6.0,2.0,3", rows.get(1));
        assertEquals("adam,1,2.0,1.0,3", rows.get(2));
        assertEquals("sgd,1,4.0,0.0,1", rows.get(4));
        assertTrue(Files.size(folder.resolve("figures").resolve("comparison-mean-std.png")) > 0);
        Files.writeString(folder.resolve("results.csv"), "step,objective\n1,2\n");
        assertThrows(ConfigException.class, () -> ComparisonCurves.read(folder));
    }
}
