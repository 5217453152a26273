package org.karyoloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Keycloak of keycloak/ with the karyoloop realm, for the tests of OIDC mode: started once per test JVM with
 * keycloak/start.sh (which fetches the distribution through Maven when it is missing; .ci/run starts it beforehand), or
 * found running. Returns the configuration of OIDC mode with the realm's generated client secret. Only when the
 * distribution is absent and cannot be fetched does it leave the service in built-in mode, and {@link #available()}
 * then says why, so that the tests can skip with that reason; a distribution that is there but does not start fails.
 */
public class LocalKeycloak implements QuarkusTestResourceLifecycleManager {

    /** The realm's issuer (keycloak/common.sh: KEYCLOAK_PORT 8180). */
    public static final String ISSUER = "http://127.0.0.1:" + RealInfrastructure.env("KEYCLOAK_PORT", "8180")
            + "/realms/karyoloop";

    private static Map<String, String> credentials;
    private static String absent;
    private static double startSeconds = -1;

    @Override
    public synchronized Map<String, String> start() {
        ensureStarted();
        if (absent != null) {
            return Map.of();
        }
        return Map.of("karyoloop.security.mode", "oidc", "quarkus.oidc.auth-server-url", ISSUER,
                "quarkus.oidc.credentials.secret", credential("KARYOLOOP_KC_PAGES_SECRET"));
    }

    @Override
    public void stop() {
        // Keycloak outlives a test class; .ci/run stops it at the end (keycloak/stop.sh).
    }

    /** Null when Keycloak answers; otherwise why it cannot be had here (the distribution is absent). */
    public static synchronized String available() {
        return absent;
    }

    /** Seconds that keycloak/start.sh took in this JVM (it returns at once when Keycloak already answers). */
    public static synchronized double startSeconds() {
        return startSeconds;
    }

    /** A value of keycloak/data/credentials.env: client secrets and the demo users' password. */
    public static synchronized String credential(String name) {
        String value = credentials == null ? null : credentials.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " missing in keycloak/data/credentials.env");
        }
        return value;
    }

    private static void ensureStarted() {
        if (credentials != null || absent != null) {
            return;
        }
        Path root = RealInfrastructure.projectRoot("keycloak/start.sh");
        String version = version(root);
        boolean distributed = Files.isExecutable(root.resolve("keycloak/dist/keycloak-" + version + "/bin/kc.sh"));
        long started = System.nanoTime();
        int exit = run(root);
        if (exit != 0) {
            if (!distributed && !Files.isExecutable(root.resolve("keycloak/dist/keycloak-" + version + "/bin/kc.sh"))) {
                absent = "the Keycloak " + version
                        + " distribution is absent (keycloak/dist) and keycloak/start.sh could "
                        + "not fetch it through Maven (exit " + exit + "); .ci/run fetches it";
                return;
            }
            throw new IllegalStateException(
                    "keycloak/start.sh failed with " + exit + " (log: keycloak/data/keycloak.log)");
        }
        startSeconds = (System.nanoTime() - started) / 1e9;
        credentials = read(root.resolve("keycloak/data/credentials.env"));
    }

    private static int run(Path root) {
        try {
            Process p = new ProcessBuilder("bash", "keycloak/start.sh").directory(root.toFile()).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keycloak/start.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String version(Path root) {
        try {
            String pom = Files.readString(root.resolve("keycloak/pom.xml"));
            return pom.replaceFirst("(?s).*<keycloak.version>([^<]+)</keycloak.version>.*", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keycloak/pom.xml", e);
        }
    }
}
