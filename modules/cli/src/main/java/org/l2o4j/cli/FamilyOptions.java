package org.l2o4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.l2o4j.core.catalog.Catalog;
import org.l2o4j.core.problem.ProblemFamily;

import picocli.CommandLine.Option;

/** The problem family named on the command line, with settings over its defaults. */
final class FamilyOptions {

    @Option(names = "--family", required = true, paramLabel = "NAME", description = "problem family (l2o list)")
    String family;

    @Option(names = "--family-config", paramLabel = "KEY=VALUE", description = "a family setting over its default")
    Map<String, String> config = new LinkedHashMap<>();

    /** The settings, each value parsed as YAML. */
    Map<String, Object> settings() {
        return Experiments.parseValues(config);
    }

    /** The family itself. */
    ProblemFamily create() {
        return Catalog.family(family, settings());
    }
}
