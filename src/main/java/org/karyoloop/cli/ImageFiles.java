package org.karyoloop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The images a command line names: every file named as such, and in every folder (and below it, in name order)
 * the files whose names end like an image (.tif, .tiff, .png, .jpg, .jpeg, .bmp); other files in a folder, such as
 * notes and spreadsheets, are counted and left out. The decoder recognises formats by content, not by name.
 *
 * @param files      the files to read, in the order given (folders expanded in name order)
 * @param fromFolder whether any of them came from a folder
 * @param skipped    files in the folders that are not named like images
 */
record ImageFiles(List<Path> files, boolean fromFolder, int skipped) {

    static final Set<String> IMAGE_ENDINGS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp");

    /** Expands {@code inputs}; a path that does not exist is kept, so that its line says so. */
    static ImageFiles expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        boolean fromFolder = false;
        int skipped = 0;
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            fromFolder = true;
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (namedLikeAnImage(p)) {
                        files.add(p);
                    } else {
                        skipped++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + input, e);
            }
        }
        return new ImageFiles(List.copyOf(files), fromFolder, skipped);
    }

    static boolean namedLikeAnImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_ENDINGS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
