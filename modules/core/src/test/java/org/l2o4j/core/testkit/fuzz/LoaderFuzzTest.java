package org.l2o4j.core.testkit.fuzz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer fuzz test of one loader of outside input (docs/reliability.md). The method takes the input as
 * {@code byte[]} and hands the load to its class's {@link LoaderOracle}.
 *
 * <p>In a plain build it runs in Jazzer's regression mode, once on the empty input and once on each file of
 * {@code src/test/resources/<package>/<TestClass>Inputs/<method>/}: the loader's valid seeds and every input a fuzzing
 * run ever found failing. With {@code JAZZER_FUZZ=1} ({@code mvn -Pfuzz-long}) it is fuzzed, coverage-guided, starting
 * from those files.
 *
 * <p>Jazzer fuzzes a single {@code @FuzzTest} per JVM and skips every other one, so a test class holds exactly one
 * (its {@link LoaderOracle} checks this) and the fuzz profile forks a JVM per class.
 *
 * <p>An input that runs longer than {@link #HANG_SECONDS} is a hang: JUnit fails it in regression mode, libFuzzer's
 * {@code -timeout} (which Jazzer derives from this {@link Timeout}) stops the fuzzing run and keeps the input.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = LoaderFuzzTest.HANG_SECONDS, unit = TimeUnit.SECONDS)
@FuzzTest
public @interface LoaderFuzzTest {

    /**
     * Longer than this for one input is a hang. Generous for files of a few kilobytes, because the first input of a
     * JVM pays for loading (and, when fuzzing, instrumenting) the loader's classes and ND4J's native library, several
     * seconds on a busy machine; the summaries and libFuzzer's statistics give the slowest input of each run.
     */
    int HANG_SECONDS = 20;

    /**
     * libFuzzer's dictionary for JSON loaders, for {@code @DictionaryFile(resourcePath = ...)}: numbers that break
     * arithmetic or allocation, values of every type.
     */
    String JSON_DICTIONARY = "/org/l2o4j/core/testkit/fuzz/json.dict";

    /** libFuzzer's dictionary for YAML with {@code --set}: hostile values and YAML's own syntax. */
    String YAML_DICTIONARY = "/org/l2o4j/core/testkit/fuzz/yaml.dict";
}
