package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path folder;

    private int synth(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return SynthCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void generateWritesImagesAndAManifestLineWithTheSha256OfEachFile() throws Exception {
        int code = synth("generate", "--out", folder.toString(), "--count", "4", "--domain", "legacy", "--seed", "5",
                "--size", "128", "--labels", "doctor", "--images-per-slide", "2", "--threads", "2");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(folder.resolve(ManifestWriter.FILE_NAME));
        assertEquals(4, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ManifestEntry entry = ManifestWriter.fromJson(lines.get(i));
            assertEquals(i, entry.index());
            byte[] bytes = Files.readAllBytes(folder.resolve(entry.file()));
            assertEquals(ImageCodec.sha256(bytes), entry.sha256());
            assertEquals("legacy", entry.domain());
            assertEquals("legacy-5-s0000" + i / 2, entry.slide());
            assertEquals("doctor", entry.labelModel());
            assertNotNull(entry.label());
            assertEquals(entry.truth().grade(), entry.trueGrade());
            assertEquals("image/png", entry.contentType());
        }
    }

    @Test
    void generateIsReproducibleWhateverTheThreadCount() throws Exception {
        Path one = folder.resolve("one");
        Path two = folder.resolve("two");
        assertEquals(0, synth("generate", "--out", one.toString(), "--count", "3", "--size", "96", "--seed", "9",
                "--labels", "legacy", "--threads", "1"));
        assertEquals(0, synth("generate", "--out", two.toString(), "--count", "3", "--size", "96", "--seed", "9",
                "--labels", "legacy", "--threads", "3"));
        assertEquals(Files.readAllLines(one.resolve(ManifestWriter.FILE_NAME)),
                Files.readAllLines(two.resolve(ManifestWriter.FILE_NAME)));
    }

    @Test
    void jpegFormatWritesJpegFiles() throws Exception {
        assertEquals(0,
                synth("generate", "--out", folder.toString(), "--count", "1", "--size", "96", "--format", "jpeg"));
        ManifestEntry entry = ManifestWriter
                .fromJson(Files.readAllLines(folder.resolve(ManifestWriter.FILE_NAME)).get(0));
        assertTrue(entry.file().endsWith(".jpg"));
        assertEquals("image/jpeg", entry.contentType());
        byte[] bytes = Files.readAllBytes(folder.resolve(entry.file()));
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xD8, bytes[1]);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, synth("generate", "--count", "1"));
        assertEquals(2, synth("generate", "--out", folder.toString(), "--colour", "red"));
        assertEquals(2, synth("paint"));
    }
}
