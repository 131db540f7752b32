package org.l2o4j.eval.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;

/**
 * The functions of a family's split, sampled once per JVM: every unit of an experiment that runs here (each grid
 * point, each optimizer) rebuilds its functions from the seed, and sampling them again per unit would cost more than
 * some units (MNIST loads its images). A few recent sets are kept; sampling is deterministic, so a set built anew is
 * the same set.
 */
final class ProblemSets {

    private static final int KEPT = 4;

    private static final Map<String, List<Problem>> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Problem>> eldest) {
            return size() > KEPT;
        }
    };

    private ProblemSets() {
    }

    /** The functions of {@code split} of the experiment's family, sampled from its seed. */
    static List<Problem> of(ExperimentSpec spec, String split) {
        String key = spec.family() + "|" + Configs.toJson(spec.familyConfig()) + "|" + split + "|" + spec.seed();
        synchronized (RECENT) {
            List<Problem> problems = RECENT.get(key);
            if (problems == null) {
                problems = List.copyOf(Catalog.family(spec.family(), spec.familyConfig()).problems(split,
                        spec.seed()));
                RECENT.put(key, problems);
            }
            return problems;
        }
    }
}
