package org.l2o4j.core.testkit.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fuzzer's inputs: a seed (a valid input of the loader) changed by one to eight {@link Mutation}s, or, one time
 * in ten, up to 1 kB of bytes that owe nothing to a seed. Positions favour the first 64 bytes, where headers are, and
 * inserted or overwritten values favour those that break length arithmetic (0x7fffffff, 0x80000000, 0xffffffff,
 * ...), so a header field gets them far more often than uniform bytes would give it.
 */
public final class Mutations {

    /** Values that break sizes and counts, as 32-bit integers. */
    private static final int[] BOUNDARIES = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff,
        0x80000000, 0x7ffffff8, 0x3fffffff, 784, 28, 10_000};

    private Mutations() {
    }

    /** Inputs drawn from {@code seeds}. */
    public static Fuzz.Generator<FuzzInput> of(List<Seed> seeds) {
        return rng -> next(rng, seeds);
    }

    /** One input drawn with {@code rng} from {@code seeds}. */
    public static FuzzInput next(SplittableRandom rng, List<Seed> seeds) {
        if (rng.nextInt(10) == 0) {
            byte[] bytes = new byte[rng.nextInt(1025)];
            rng.nextBytes(bytes);
            return FuzzInput.random(bytes);
        }
        Seed seed = seeds.get(rng.nextInt(seeds.size()));
        List<Mutation> mutations = new ArrayList<>();
        for (int i = rng.nextInt(1, 9); i > 0; i--) {
            mutations.add(mutation(rng));
        }
        return FuzzInput.of(seed, mutations);
    }

    /** One mutation of any kind. */
    static Mutation mutation(SplittableRandom rng) {
        return switch (rng.nextInt(7)) {
            case 0 -> new Mutation.Flip(position(rng), rng.nextInt(8));
            case 1 -> new Mutation.Overwrite(position(rng), value(rng));
            case 2 -> {
                byte[] bytes = new byte[rng.nextInt(1, 17)];
                rng.nextBytes(bytes);
                yield new Mutation.Overwrite(position(rng), bytes);
            }
            case 3 -> new Mutation.Truncate(rng.nextInt(Integer.MAX_VALUE));
            case 4 -> new Mutation.Insert(position(rng), value(rng));
            case 5 -> new Mutation.Delete(position(rng), rng.nextInt(1, 257));
            default -> new Mutation.Duplicate(position(rng), rng.nextInt(1, 257), position(rng));
        };
    }

    /** A position: in the first 64 bytes half of the time, anywhere the other half. */
    private static int position(SplittableRandom rng) {
        return rng.nextBoolean() ? rng.nextInt(64) : rng.nextInt(Integer.MAX_VALUE);
    }

    /** A boundary value (three times in four) or a random one, as one byte or as four bytes big- or little-endian. */
    private static byte[] value(SplittableRandom rng) {
        int x = rng.nextInt(4) < 3 ? BOUNDARIES[rng.nextInt(BOUNDARIES.length)] : rng.nextInt();
        return switch (rng.nextInt(3)) {
            case 0 -> new byte[] {(byte) x};
            case 1 -> ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(x).array();
            default -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(x).array();
        };
    }
}
