package org.karyoloop.synth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} options and bare {@code --flag}s of a subcommand, and says which were never read. */
final class CliArgs {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    CliArgs(String[] args, int from, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
    }

    String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = string(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    long longValue(String name, long fallback) {
        String value = string(name, null);
        return value == null ? fallback : Long.parseLong(value);
    }

    int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    double doubleValue(String name, double fallback) {
        String value = string(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    /** Fails on options no one asked for, so typos do not pass silently. */
    void requireAllRead() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }
}
