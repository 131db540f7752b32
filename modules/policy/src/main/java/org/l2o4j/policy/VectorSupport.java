package org.l2o4j.policy;

import org.l2o4j.core.vector.VectorApi;

/**
 * Whether {@link GaussianMlpPolicy} runs its forward pass on {@link VectorMlpForward} (JDK 17's incubator Vector
 * API) or on plain scalar loops. The vector path needs the JVM flag {@code --add-modules jdk.incubator.vector},
 * which the build, the tests, the benchmarks and the {@code l2o} launcher pass; a library user without it gets the
 * scalar path, and no class naming vector types is ever loaded. {@code -Dl2o.vector=false} forces the scalar path
 * (to compare the two). Both give the same means to about 1e-15 relative (docs/performance.md).
 */
final class VectorSupport {

    /** True when the vector path is selected; fixed for the life of the JVM. */
    static final boolean ENABLED = VectorApi.AVAILABLE && VectorMlpForward.worthwhile();

    private VectorSupport() {
    }
}
