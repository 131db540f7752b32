package org.l2o4j.core.testkit.fuzz;

import java.util.Base64;
import java.util.List;

/**
 * One fuzzed input and how it was made, so that a failure report shows what broke the loader.
 *
 * @param origin    the seed's name, or "random"
 * @param mutations the mutations applied to the seed, in order (empty for random bytes)
 * @param bytes     the input
 */
public record FuzzInput(String origin, List<Mutation> mutations, byte[] bytes) {

    /** {@code seed} with {@code mutations} applied in order. */
    public static FuzzInput of(Seed seed, List<Mutation> mutations) {
        byte[] b = seed.bytes();
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return new FuzzInput(seed.name(), List.copyOf(mutations), b);
    }

    /** Bytes that owe nothing to a seed. */
    public static FuzzInput random(byte[] bytes) {
        return new FuzzInput("random", List.of(), bytes);
    }

    @Override
    public String toString() {
        String b64 = Base64.getEncoder().encodeToString(bytes);
        return origin + " " + mutations + " -> " + bytes.length + " bytes, base64 "
                + (b64.length() > 400 ? b64.substring(0, 400) + "…" : b64);
    }
}
