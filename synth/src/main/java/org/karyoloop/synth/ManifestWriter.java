package org.karyoloop.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes manifest entries as JSON lines; thread-safe (one line is written whole under a lock). */
public final class ManifestWriter implements Closeable {

    /** The manifest's file name inside an output folder. */
    public static final String FILE_NAME = "manifest.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    public ManifestWriter(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** One entry as a JSON line, without the newline. */
    public static String toJson(ManifestEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest entry always serialises", e);
        }
    }

    /** Reads one JSON line back. */
    public static ManifestEntry fromJson(String line) {
        try {
            return JSON.readValue(line, ManifestEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a manifest line: " + line, e);
        }
    }

    public synchronized void write(ManifestEntry entry) {
        try {
            out.write(toJson(entry));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
