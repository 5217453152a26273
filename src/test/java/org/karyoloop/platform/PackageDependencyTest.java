package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Role packages talk through topics: none imports another role's package, and shared packages import no role. The
 * synthetic-metaphase generator (synth/) and the service know nothing of each other.
 */
class PackageDependencyTest {

    private static final List<String> ROLES = List.of("ingest", "scoring", "sampling", "annotation", "training",
            "rollout");
    private static final List<String> SHARED = List.of("events", "imaging", "ml", "platform", "cli");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.karyoloop\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void rolePackagesNeverImportEachOtherAndSharedPackagesImportNoRole() throws IOException {
        Path main = Path.of("src/main/java/org/karyoloop");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String owner = main.relativize(file).getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    boolean roleToOtherRole = ROLES.contains(owner) && ROLES.contains(imported)
                            && !imported.equals(owner);
                    boolean sharedToRole = SHARED.contains(owner) && ROLES.contains(imported);
                    if (roleToOtherRole || sharedToRole) {
                        violations.add(main.relativize(file) + " imports org.karyoloop." + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theServiceNeverImportsTheGeneratorAndTheGeneratorImportsNothingOfTheService() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(Path.of("src/main/java"))) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1).equals("synth")) {
                    violations.add(file + " imports the generator");
                }
            }
        }
        for (Path file : javaFiles(Path.of("synth/src"))) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals("synth")) {
                    violations.add(file + " imports org.karyoloop." + m.group(1));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
