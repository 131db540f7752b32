package org.l2o4j.core.vector;

/**
 * Whether the hot kernels may use JDK 17's incubator Vector API: only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the build, the tests, the benchmarks and the {@code l2o} launcher pass
 * it) and {@code -Dl2o.vector=false} does not turn it off (to compare the two paths). Without the module no class
 * naming vector types is ever loaded, so a library user without the flag gets the scalar kernels. Deciding here, once
 * per JVM, keeps every kernel on the same side of that choice.
 */
public final class VectorApi {

    /** True when the vector kernels may be used; fixed for the life of the JVM. */
    public static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("l2o.vector"));

    private VectorApi() {
    }
}
