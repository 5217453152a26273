package org.karyoloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the real services the integration tests need are there before Quarkus starts: the
 * PostgreSQL server with a fresh test database (dropped and created once per test JVM) and the Kafka
 * broker with its topics. A broker that
 * is not running is started with kafka/start.sh and kafka/create-topics.sh (.ci/run starts it
 * beforehand, so this is for a developer's plain {@code ./mvnw verify}).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String DB_HOST = env("DB_HOST", "127.0.0.1");
    private static final String DB_PORT = env("DB_PORT", "5432");
    private static final String TEST_DB = env("TEST_DB_NAME", "karyoloop_test");

    private static boolean ready;

    @Override
    public synchronized Map<String, String> start() {
        if (!ready) {
            ensureDatabase();
            ensureBroker();
            ready = true;
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The broker and the database outlive a test class; .ci/run stops the broker at the end.
    }

    private static void ensureDatabase() {
        String url = "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            // Every test run starts from an empty database that Flyway migrates from scratch.
            s.execute("drop database if exists " + TEST_DB + " with (force)");
            s.execute("create database " + TEST_DB);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + url
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
    }

    private static void ensureBroker() {
        String[] hostPort = KafkaTestClient.BOOTSTRAP.split(",")[0].split(":");
        if (answers(hostPort[0], Integer.parseInt(hostPort[1]))) {
            return;
        }
        Path root = projectRoot("kafka/start.sh");
        run(root, "bash", "kafka/start.sh");
        run(root, "bash", "kafka/create-topics.sh");
    }

    private static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The nearest folder at or above the working directory that holds {@code script} (the repository root). */
    static Path projectRoot(String script) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(script))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(script + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The environment variable {@code name}, or {@code fallback} where it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
