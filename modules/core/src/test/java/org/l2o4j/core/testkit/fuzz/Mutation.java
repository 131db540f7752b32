package org.l2o4j.core.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One change to an input, the unit the fuzzer combines; a failure report lists them. Positions and lengths are taken
 * modulo the input's length when applied, so any generated value lands inside the input whatever its size.
 */
public sealed interface Mutation {

    /** The changed copy of {@code in}; {@code in} itself is left alone. */
    byte[] apply(byte[] in);

    /** Flips one bit. */
    record Flip(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            out[position % in.length] ^= (byte) (1 << (bit & 7));
            return out;
        }
    }

    /** Writes {@code bytes} over the input from {@code position} on (as far as the input reaches). */
    record Overwrite(int position, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int at = position % in.length;
            System.arraycopy(bytes, 0, out, at, Math.min(bytes.length, in.length - at));
            return out;
        }

        @Override
        public String toString() {
            return "Overwrite[" + position + ", " + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Keeps only the first {@code length} bytes. */
    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, in.length == 0 ? 0 : length % in.length);
        }
    }

    /** Inserts {@code bytes} before {@code position}. */
    record Insert(int position, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int at = position % (in.length + 1);
            byte[] out = new byte[in.length + bytes.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(bytes, 0, out, at, bytes.length);
            System.arraycopy(in, at, out, at + bytes.length, in.length - at);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[" + position + ", " + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Removes up to {@code length} bytes from {@code position} on. */
    record Delete(int position, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = position % in.length;
            int n = Math.min(length, in.length - at);
            byte[] out = new byte[in.length - n];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(in, at + n, out, at, in.length - at - n);
            return out;
        }
    }

    /** Copies a chunk of up to {@code length} bytes from {@code from} and inserts it before {@code to}. */
    record Duplicate(int from, int length, int to) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int start = from % in.length;
            byte[] chunk = Arrays.copyOfRange(in, start, start + Math.min(length, in.length - start));
            return new Insert(to, chunk).apply(in);
        }
    }

    /** Replaces {@code length} bytes from {@code position} (exact, not modulo: made for a token found in the input). */
    record Replace(int position, int length, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] in) {
            int at = Math.min(position, in.length);
            int n = Math.min(length, in.length - at);
            byte[] out = new byte[in.length - n + bytes.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(bytes, 0, out, at, bytes.length);
            System.arraycopy(in, at + n, out, at + bytes.length, in.length - at - n);
            return out;
        }

        @Override
        public String toString() {
            return "Replace[" + position + ", " + length + ", " + new String(bytes, StandardCharsets.UTF_8) + "]";
        }
    }
}
