/**
 * Where independent work runs. A {@link org.l2o4j.core.engine.Unit} is a seeded, self-contained piece of work; an
 * {@link org.l2o4j.core.engine.Engine} runs a list of them and returns the results in order: on this JVM's threads
 * ({@link org.l2o4j.core.engine.LocalEngine}) or on a cluster (an {@link org.l2o4j.core.engine.EngineProvider} found
 * by {@link java.util.ServiceLoader}, such as the spark module's). Because units carry their derived seeds and
 * results are gathered in a fixed order, results do not depend on the engine.
 */
package org.l2o4j.core.engine;
