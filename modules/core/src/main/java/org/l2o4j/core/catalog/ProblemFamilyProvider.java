package org.l2o4j.core.catalog;

import java.util.Map;

import org.l2o4j.core.problem.ProblemFamily;

/**
 * Service-provider entry for a problem family: registered in {@code META-INF/services} of the module that defines it,
 * so the CLI and experiment files can name it without depending on its class.
 */
public interface ProblemFamilyProvider {

    /** Registered name, e.g. {@code "logistic-regression"}. */
    String name();

    /** One line for {@code l2o list}: what the family is and where it comes from. */
    String description();

    /** The family with the given settings over its defaults; unknown keys are a {@link org.l2o4j.core.config.ConfigException}. */
    ProblemFamily create(Map<String, ?> config);
}
