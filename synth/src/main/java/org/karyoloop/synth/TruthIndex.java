package org.karyoloop.synth;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The truth of pushed images by SHA-256, read from a microscope's manifest; a running microscope
 * keeps appending, so an unknown hash makes it read the lines added since. Not thread-safe (one
 * simulated doctor owns one index).
 */
final class TruthIndex {

    private final Path manifest;
    private final Map<String, ManifestEntry> bySha = new HashMap<>();
    private long readUpTo;

    TruthIndex(Path manifest) {
        this.manifest = manifest;
    }

    /** The manifest entry of these bytes' hash, re-reading the manifest's new lines once if needed. */
    Optional<ManifestEntry> find(String sha256) throws IOException {
        String key = sha256.toLowerCase(java.util.Locale.ROOT);
        ManifestEntry entry = bySha.get(key);
        if (entry == null) {
            readNewLines();
            entry = bySha.get(key);
        }
        return Optional.ofNullable(entry);
    }

    int size() {
        return bySha.size();
    }

    private void readNewLines() throws IOException {
        if (!Files.exists(manifest)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(manifest.toFile(), "r")) {
            if (file.length() < readUpTo) {
                readUpTo = 0; // the manifest was rewritten by a new microscope run
            }
            file.seek(readUpTo);
            byte[] rest = new byte[Math.toIntExact(file.length() - readUpTo)];
            file.readFully(rest);
            // Only whole lines: the microscope may be in the middle of writing the last one.
            int end = lastNewline(rest);
            for (String line : new String(rest, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    ManifestEntry entry = ManifestWriter.fromJson(line);
                    bySha.put(entry.sha256(), entry);
                }
            }
            readUpTo += end;
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
