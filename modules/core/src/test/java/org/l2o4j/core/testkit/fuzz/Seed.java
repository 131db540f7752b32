package org.l2o4j.core.testkit.fuzz;

/**
 * A valid input of a loader, the starting point of mutations.
 *
 * @param name  what it is, for failure reports (e.g. a file name)
 * @param bytes its content
 */
public record Seed(String name, byte[] bytes) {

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes)";
    }
}
