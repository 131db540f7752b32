package org.l2o4j.gps.algorithm;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.gps.dynamics.GmmPriorState;

/**
 * The GMM priors' part of a GPS checkpoint, next to {@link TrainerCheckpoint}: per condition the
 * {@link GmmPriorState} of the dynamics prior and of the policy prior, which {@link CouplingStrategy#priorCheckpoint}
 * captures after an iteration and {@link CouplingStrategy#restorePriors} restores before the next, so that a resumed
 * run with GMM priors equals the uninterrupted one bit for bit. Doubles are stored raw, so a loaded state is
 * bit-identical.
 *
 * <p>File format {@value #FORMAT_VERSION}, binary, little-endian:
 * <pre>
 * header   16 bytes   the format name "l2o4j-gps-priors" (ASCII)
 *          int32      format version
 *          int64      the file's length in bytes, trailer included
 *          int32      condition count M
 * for m = 0 … M−1, for the dynamics prior, then the policy prior:
 *          int32      0 = absent, 1 = mixture stored as responsibilities, 2 = mixture stored as parameters
 *   if present:
 *          int32 × 5  D, buffered trajectories N, clusters K, the n0 point count, EM initializations I
 *          int32[N]   rows of each buffered trajectory (P = their sum)
 *          int32[2I]  (points, clusters) of each initialization
 *          float64[P·D]  the buffered rows
 *          float64[P·K]  log responsibilities                                                 (form 1)
 *          float64[K·D], float64[K·D(D+1)/2], float64[K]  means, upper covariances, log masses (form 2)
 * trailer  int32      CRC-32C of every byte before it
 * </pre>
 *
 * @param conditions one entry per condition, in condition order
 */
public record PriorCheckpoint(List<ConditionPriors> conditions) {

    /**
     * One condition's priors.
     *
     * @param dynamics the dynamics prior's state; null when the dynamics prior is not a GMM or was never fitted
     * @param policy   the policy prior's state; null with prior mode {@code none} or before the first fit
     */
    public record ConditionPriors(GmmPriorState dynamics, GmmPriorState policy) {
    }

    /** The format name the file starts with (16 ASCII bytes). */
    public static final String FORMAT = "l2o4j-gps-priors";
    /** The version this code writes. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] FORMAT_BYTES = FORMAT.getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = FORMAT_BYTES.length + Integer.BYTES + Long.BYTES + Integer.BYTES;
    private static final int TRAILER_BYTES = Integer.BYTES;
    private static final int ABSENT = 0;
    private static final int RESPONSIBILITIES = 1;
    private static final int PARAMETERS = 2;
    private static final int CHUNK_BYTES = 1 << 20;

    public PriorCheckpoint {
        conditions = List.copyOf(conditions);
    }

    /** Writes the checkpoint atomically (temp file, then move). */
    public void save(Path file) {
        long total = HEADER_BYTES + TRAILER_BYTES;
        for (ConditionPriors c : conditions) {
            total += storedBytes(c.dynamics()) + storedBytes(c.policy());
        }
        long length = total;
        AtomicFiles.write(file, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Output out = new Output(channel);
                out.bytes(FORMAT_BYTES);
                out.putInt(FORMAT_VERSION);
                out.putLong(length);
                out.putInt(conditions.size());
                for (ConditionPriors c : conditions) {
                    write(out, c.dynamics());
                    write(out, c.policy());
                }
                out.finish();
            }
        });
    }

    private static long storedBytes(GmmPriorState state) {
        long bytes = Integer.BYTES;
        if (state == null) {
            return bytes;
        }
        bytes += 5L * Integer.BYTES + (long) Integer.BYTES * (state.trajectoryCount()
                + 2 * state.initializations().size());
        bytes += (long) Double.BYTES * state.points().length;
        if (state.mixture() instanceof GmmPriorState.Responsibilities r) {
            bytes += (long) Double.BYTES * r.logResponsibilities().length;
        } else if (state.mixture() instanceof GmmPriorState.Parameters p) {
            bytes += (long) Double.BYTES * (p.means().length + p.upperCovariances().length + p.logMasses().length);
        }
        return bytes;
    }

    private static void write(Output out, GmmPriorState state) throws IOException {
        if (state == null) {
            out.putInt(ABSENT);
            return;
        }
        out.putInt(state.mixture() instanceof GmmPriorState.Responsibilities ? RESPONSIBILITIES : PARAMETERS);
        out.putInt(state.dimension());
        out.putInt(state.trajectoryCount());
        out.putInt(state.mixture().clusterCount());
        out.putInt(state.trainingPointCount());
        out.putInt(state.initializations().size());
        for (int length : state.trajectoryLengths()) {
            out.putInt(length);
        }
        for (GmmPriorState.Initialization draw : state.initializations()) {
            out.putInt(draw.points());
            out.putInt(draw.clusters());
        }
        out.doubles(state.points());
        if (state.mixture() instanceof GmmPriorState.Responsibilities r) {
            out.doubles(r.logResponsibilities());
        } else if (state.mixture() instanceof GmmPriorState.Parameters p) {
            out.doubles(p.means());
            out.doubles(p.upperCovariances());
            out.doubles(p.logMasses());
        }
    }

    /**
     * Reads a prior checkpoint.
     *
     * @throws IllegalArgumentException with a one-line message naming the file and the problem: missing, not this
     *                                  format, another version, truncated, damaged (checksum) or inconsistent
     */
    public static PriorCheckpoint load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("GPS prior checkpoint not found: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read GPS prior checkpoint " + file + ": " + e.getMessage(), e);
        }
        int prefix = Math.min(bytes.length, FORMAT_BYTES.length);
        if (!Arrays.equals(bytes, 0, prefix, FORMAT_BYTES, 0, prefix)) {
            throw new IllegalArgumentException(file + " is not a GPS prior checkpoint: it does not start with \""
                    + FORMAT + "\"");
        }
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new IllegalArgumentException(file + " is truncated: " + bytes.length + " bytes, shorter than the "
                    + (HEADER_BYTES + TRAILER_BYTES) + "-byte header and trailer");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        in.position(FORMAT_BYTES.length);
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " has format version " + version + "; this code reads version "
                    + FORMAT_VERSION);
        }
        long declared = in.getLong();
        if (declared != bytes.length) {
            throw new IllegalArgumentException(file + (declared > bytes.length ? " is truncated" : " is damaged")
                    + ": its header declares " + declared + " bytes, the file has " + bytes.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        int stored = in.getInt(bytes.length - TRAILER_BYTES);
        if ((int) crc.getValue() != stored) {
            throw new IllegalArgumentException(file + " is damaged: the CRC-32C of its contents is "
                    + String.format("%08x", (int) crc.getValue()) + ", its trailer records "
                    + String.format("%08x", stored));
        }
        in.limit(bytes.length - TRAILER_BYTES);
        try {
            int count = in.getInt();
            if (count < 0) {
                throw new IllegalArgumentException("condition count " + count + " is negative");
            }
            List<ConditionPriors> conditions = new ArrayList<>(Math.min(count, in.remaining()));
            for (int m = 0; m < count; m++) {
                GmmPriorState dynamics = read(in, "condition " + m + ", dynamics prior");
                GmmPriorState policy = read(in, "condition " + m + ", policy prior");
                conditions.add(new ConditionPriors(dynamics, policy));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes are left over after " + count
                        + " conditions");
            }
            return new PriorCheckpoint(conditions);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(file + " is damaged: its contents end before the last condition", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static GmmPriorState read(ByteBuffer in, String where) {
        int form = in.getInt();
        if (form == ABSENT) {
            return null;
        }
        if (form != RESPONSIBILITIES && form != PARAMETERS) {
            throw new IllegalArgumentException(where + ": mixture form " + form + " is none of 0, 1, 2");
        }
        int d = count(in, where, "D");
        int trajectories = count(in, where, "trajectory count");
        int k = count(in, where, "cluster count");
        int trainingPointCount = count(in, where, "n0 point count");
        int initializationCount = count(in, where, "initialization count");
        int[] lengths = ints(in, trajectories, where);
        long points = 0;
        for (int length : lengths) {
            points += length;
        }
        int[] draws = ints(in, 2L * initializationCount, where);
        double[] rows = doubles(in, points * d, where);
        double[] first = doubles(in, form == RESPONSIBILITIES ? points * k : (long) k * d, where);
        double[] upperCovariances = form == RESPONSIBILITIES ? null : doubles(in, k * ((long) d * (d + 1) / 2), where);
        double[] logMasses = form == RESPONSIBILITIES ? null : doubles(in, k, where);
        try {
            List<GmmPriorState.Initialization> initializations = new ArrayList<>(initializationCount);
            for (int i = 0; i < initializationCount; i++) {
                initializations.add(new GmmPriorState.Initialization(draws[2 * i], draws[2 * i + 1]));
            }
            GmmPriorState.StoredMixture mixture = form == RESPONSIBILITIES
                    ? new GmmPriorState.Responsibilities(k, first)
                    : new GmmPriorState.Parameters(k, first, upperCovariances, logMasses);
            return new GmmPriorState(d, lengths, rows, trainingPointCount, initializations, mixture);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static int count(ByteBuffer in, String where, String what) {
        int value = in.getInt();
        if (value < 0) {
            throw new IllegalArgumentException(where + ": " + what + " " + value + " is negative");
        }
        return value;
    }

    /** Checks the size against what is left before allocating, so a damaged count cannot exhaust memory. */
    private static void requireAvailable(ByteBuffer in, long values, int width, String where) {
        if (values > in.remaining() / width) {
            throw new IllegalArgumentException(where + ": needs " + values + " values of " + width + " bytes, only "
                    + in.remaining() + " bytes are left");
        }
    }

    private static int[] ints(ByteBuffer in, long count, String where) {
        requireAvailable(in, count, Integer.BYTES, where);
        int[] values = new int[(int) count];
        in.asIntBuffer().get(values);
        in.position(in.position() + values.length * Integer.BYTES);
        return values;
    }

    private static double[] doubles(ByteBuffer in, long count, String where) {
        requireAvailable(in, count, Double.BYTES, where);
        double[] values = new double[(int) count];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + values.length * Double.BYTES);
        return values;
    }

    /** Little-endian writes through a 1 MiB buffer, with the CRC-32C of everything written. */
    private static final class Output {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Output(FileChannel channel) {
            this.channel = channel;
        }

        void bytes(byte[] values) throws IOException {
            room(values.length);
            buffer.put(values);
        }

        void putInt(int value) throws IOException {
            room(Integer.BYTES);
            buffer.putInt(value);
        }

        void putLong(long value) throws IOException {
            room(Long.BYTES);
            buffer.putLong(value);
        }

        void doubles(double[] values) throws IOException {
            int at = 0;
            while (at < values.length) {
                room(Double.BYTES);
                int n = Math.min(values.length - at, buffer.remaining() / Double.BYTES);
                buffer.asDoubleBuffer().put(values, at, n);
                buffer.position(buffer.position() + n * Double.BYTES);
                at += n;
            }
        }

        /** Writes the trailer and everything still buffered. */
        void finish() throws IOException {
            flush();
            buffer.putInt((int) crc.getValue());
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            crc.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
