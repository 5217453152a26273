package org.karyoloop.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Local-run helper for bin/run: {@code ensure-db HOST PORT NAME} creates a database on a running server
 * if it is missing; {@code embedded PORT DIR} starts a real PostgreSQL from Maven (zonky embedded
 * binaries) on 127.0.0.1:PORT with its data in DIR, for machines that have no server, and keeps it
 * running until the process is stopped.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("ensure-db")) {
            ensureDatabase(args[1], Integer.parseInt(args[2]), args[3]);
        } else if (args.length == 3 && args[0].equals("embedded")) {
            embedded(Integer.parseInt(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: LocalPostgres ensure-db HOST PORT NAME | embedded PORT DIR");
            System.exit(2);
        }
    }

    private static void ensureDatabase(String host, int port, String name) throws Exception {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    System.out.println("database " + name + " exists");
                    return;
                }
            }
            s.execute("create database " + name);
            System.out.println("database " + name + " created");
        }
    }

    private static void embedded(int port, Path dir) throws Exception {
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir)
                .setCleanDataDirectory(false).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port + " (data in " + dir + ")");
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
