package org.l2o4j.core.testkit.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzzer's inputs: a seed (a valid input of the loader) changed by one to eight {@link Mutation}s, or, one time
 * in ten, up to 1 kB of bytes that owe nothing to a seed. Positions favour the first 64 bytes, where headers are, and
 * inserted or overwritten values favour those that break length arithmetic (0x7fffffff, 0x80000000, 0xffffffff,
 * ...), so a header field gets them far more often than uniform bytes would give it.
 */
public final class Mutations {

    /** A JSON number or string token. */
    private static final Pattern TOKEN = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|\"[^\"\\\\]*\"");
    /** Values that break sizes and counts, as 32-bit integers. */
    private static final int[] BOUNDARIES = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff,
        0x80000000, 0x7ffffff8, 0x3fffffff, 784, 28, 10_000};

    /** Numbers that break a JSON reader's arithmetic or allocation, as JSON text. */
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "4294967295", "9223372036854775807", "1e308", "-1e308", "1e400", "1.5", "-0.0", "1e-320", "100000000");
    /** JSON values of every type, to put where another is expected. */
    private static final List<String> VALUES = List.of("null", "true", "[]", "{}", "\"\"", "\"x\"", "[1, 2]",
            "{\"a\": 1}", "\"../x\"", "\"/\"", "\"\\u0000\"", "NaN", "\"lstm\"", "[[[[[[[[[[[[1]]]]]]]]]]]]");

    private Mutations() {
    }

    /**
     * Inputs drawn from text seeds (JSON): half of them as {@link #of} draws them, half with one to four tokens
     * replaced: a number by one of {@link #NUMBERS}, a number or a string by a value of another type.
     */
    public static Fuzz.Generator<FuzzInput> ofText(List<Seed> seeds) {
        return rng -> {
            if (rng.nextBoolean()) {
                return next(rng, seeds);
            }
            Seed seed = seeds.get(rng.nextInt(seeds.size()));
            String text = new String(seed.bytes(), StandardCharsets.UTF_8);
            List<int[]> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(new int[] {m.start(), m.end(), m.group().startsWith("\"") ? 1 : 0});
            }
            List<Mutation> mutations = new ArrayList<>();
            for (int n = rng.nextInt(1, 5); n > 0 && !tokens.isEmpty(); n--) {
                int[] t = tokens.get(rng.nextInt(tokens.size()));
                String value = t[2] == 0 && rng.nextBoolean() ? NUMBERS.get(rng.nextInt(NUMBERS.size()))
                        : VALUES.get(rng.nextInt(VALUES.size()));
                mutations.add(new Mutation.Replace(t[0], t[1] - t[0], value.getBytes(StandardCharsets.UTF_8)));
            }
            // Applied from the last position to the first, so each replacement leaves the others' positions valid.
            mutations.sort((a, b) -> Integer.compare(((Mutation.Replace) b).position(),
                    ((Mutation.Replace) a).position()));
            return FuzzInput.of(seed, dropOverlaps(mutations));
        };
    }

    /** Replacements (sorted by descending position) without those that overlap a later-applied one. */
    private static List<Mutation> dropOverlaps(List<Mutation> sorted) {
        List<Mutation> out = new ArrayList<>();
        int limit = Integer.MAX_VALUE;
        for (Mutation m : sorted) {
            Mutation.Replace r = (Mutation.Replace) m;
            if (r.position() + r.length() <= limit) {
                out.add(r);
                limit = r.position();
            }
        }
        return out;
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
