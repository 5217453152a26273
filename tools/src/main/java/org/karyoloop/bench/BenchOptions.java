package org.karyoloop.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A benchmark's {@code --key value} options, each read with its default where the benchmark uses it. Not
 * thread-safe (read it on the benchmark's main thread).
 */
final class BenchOptions {

    private final Map<String, String> values = new HashMap<>();

    private BenchOptions() {
    }

    /** The options of {@code args}: pairs of {@code --key value}. */
    static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}, or null. */
    String get(String key) {
        return values.get(key);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return has(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long longInteger(String key, long fallback) {
        return has(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    double real(String key, double fallback) {
        return has(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    boolean flag(String key, boolean fallback) {
        return has(key) ? Boolean.parseBoolean(values.get(key)) : fallback;
    }
}
