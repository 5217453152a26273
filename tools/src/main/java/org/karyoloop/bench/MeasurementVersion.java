package org.karyoloop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.karyoloop.ml.spread.SpreadMeter;

/**
 * A short digest of the code and fitted constants that compute the spread measurements: every class file and resource
 * of the measurement's packages (spread measurement, preprocessing, image decoding), in name order. Cached data sets
 * of measured spreads carry it in their file name, so a set measured by an earlier build is never read back by a later
 * one that measures differently. Stateless; thread-safe.
 */
final class MeasurementVersion {

    /** The packages whose classes and resources decide what a spread measures, as resource paths. */
    static final List<String> PACKAGES = List.of("org/karyoloop/ml/spread/", "org/karyoloop/ml/preprocess/",
            "org/karyoloop/imaging/");

    private static volatile String digest;

    private MeasurementVersion() {
    }

    /** The first 10 hex digits of the SHA-256 over the measurement's classes and resources, computed once. */
    static String digest() {
        String d = digest;
        if (d == null) {
            d = compute();
            digest = d;
        }
        return d;
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path root = Path.of(SpreadMeter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = names(root);
            for (String name : names) {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = SpreadMeter.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("measurement resource vanished: " + name);
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The measurement packages' file names under {@code root}, a class folder or a jar, sorted. */
    private static List<String> names(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            for (String pkg : PACKAGES) {
                Path dir = root.resolve(pkg);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(Files::isRegularFile).forEach(f -> names.add(pkg + f.getFileName()));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> !n.endsWith("/") && PACKAGES.stream().anyMatch(
                                p -> n.startsWith(p) && n.indexOf('/', p.length()) < 0))
                        .forEach(names::add);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no measurement classes found under " + root);
        }
        names.sort(null);
        return names;
    }
}
