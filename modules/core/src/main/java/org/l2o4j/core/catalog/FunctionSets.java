package org.l2o4j.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.l2o4j.core.config.Configs;
import org.l2o4j.core.problem.Problem;

/**
 * The functions of a family's split, sampled once per JVM: every engine unit that runs here (a grid point, an
 * optimizer on the test functions, a GPS condition) rebuilds its functions from the seed, and sampling them again per
 * unit would cost more than some units (MNIST loads its images). A few recent sets are kept; sampling is
 * deterministic, so a set built anew is the same set.
 */
public final class FunctionSets {

    private static final int KEPT = 4;

    private static final Map<String, List<Problem>> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Problem>> eldest) {
            return size() > KEPT;
        }
    };

    private FunctionSets() {
    }

    /** The functions of {@code split} of the registered {@code family} with {@code familyConfig}, from {@code seed}. */
    public static List<Problem> of(String family, Map<String, Object> familyConfig, String split, long seed) {
        String key = family + "|" + Configs.toJson(familyConfig) + "|" + split + "|" + seed;
        synchronized (RECENT) {
            List<Problem> problems = RECENT.get(key);
            if (problems == null) {
                problems = List.copyOf(Catalog.family(family, familyConfig).problems(split, seed));
                RECENT.put(key, problems);
            }
            return problems;
        }
    }
}
