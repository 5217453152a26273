package org.karyoloop.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a benchmark's CPU went, from Linux's /proc: the busy and idle time of the whole machine
 * ({@code /proc/stat}) and the user+system time of named processes ({@code /proc/PID/stat}), plus all
 * PostgreSQL server processes together (by command name), between two snapshots. It answers whether a
 * run was bound by the cores (machine busy ~100 %) and which process spent them. Linux only; on any
 * other system the snapshots are empty and {@link #report} says so. Not thread-safe (one benchmark thread).
 */
final class CpuAccount {

    /** Clock ticks per second of /proc times; 100 on every Linux this project runs on (USER_HZ). */
    private static final double TICKS = 100.0;
    /** Separates a process from a thread pool in snapshot keys. */
    private static final String THREAD = " / ";

    private final Map<String, Long> pids = new LinkedHashMap<>();

    /**
     * @param spec {@code name:pid,name:pid,...} (from the script: {@code service:$SERVICE,broker:$PID}); this
     *     JVM is always counted, as "bench JVM"
     */
    CpuAccount(String spec) {
        pids.put("bench JVM", ProcessHandle.current().pid());
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] nameAndPid = part.split(":");
                if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
                    pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
                }
            }
        }
    }

    /** Ticks so far: "busy" and "idle" of the machine, each named process and its thread pools, and "postgres". */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
            ticks.put("busy", busy);
            ticks.put("idle", idle);
            for (Map.Entry<String, Long> p : pids.entrySet()) {
                Path proc = Path.of("/proc", p.getValue().toString());
                ticks.put(p.getKey(), processTicks(proc.resolve("stat")));
                threads(proc).forEach((thread, t) -> ticks.put(p.getKey() + THREAD + thread, t));
            }
            long postgres = 0;
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    try {
                        if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
                            postgres += processTicks(proc.resolve("stat"));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended between listing and reading
                    }
                }
            }
            ticks.put("postgres", postgres);
        } catch (IOException | RuntimeException e) {
            ticks.clear();
        }
        return ticks;
    }

    /** CPU ticks so far of the JIT compiler threads of every named process (this JVM included). */
    long compilerTicks() {
        return snapshot().entrySet().stream().filter(e -> e.getKey().contains(THREAD + "C# CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Lets the JIT compilers of the named processes and this JVM finish what a warm-up queued (they compete with a
     * timed part for the cores otherwise): waits, up to a minute, until they spent under 50 ms of CPU in 2 s.
     */
    void awaitQuietCompilers() throws InterruptedException {
        long t0 = System.nanoTime();
        long last = compilerTicks();
        long spent = -1;
        while (System.nanoTime() - t0 < 60e9) {
            Thread.sleep(2000);
            long now = compilerTicks();
            spent = now - last;
            last = now;
            if (spent < 5) {
                break;
            }
        }
        System.out.printf("JIT compilers quiet after %.0f s (%d ms of compiler CPU in the last 2 s)%n",
                (System.nanoTime() - t0) / 1e9, spent * 10);
    }

    /** {@code ticks} as a share of the machine's busy and idle time since {@code before}. */
    double share(Map<String, Long> before, long ticks) {
        Map<String, Long> now = snapshot();
        if (before.isEmpty() || now.isEmpty()) {
            return 0;
        }
        long all = now.get("busy") - before.get("busy") + now.get("idle") - before.get("idle");
        return (double) ticks / Math.max(1, all);
    }

    /** One line per account: CPU seconds between the snapshots, milliseconds per item, the busiest thread pools. */
    static String report(Map<String, Long> before, Map<String, Long> after, int items, double seconds) {
        if (before.isEmpty() || after.isEmpty()) {
            return "CPU accounting: /proc not readable here";
        }
        StringBuilder out = new StringBuilder();
        long busy = after.get("busy") - before.get("busy");
        long idle = after.get("idle") - before.get("idle");
        out.append(String.format("CPU over %.1f s: machine %.0f %% busy (%.1f of %.1f core-seconds)%n", seconds,
                100.0 * busy / Math.max(1, busy + idle), busy / TICKS, (busy + idle) / TICKS));
        long named = 0;
        for (String key : after.keySet()) {
            if (List.of("busy", "idle").contains(key) || key.contains(THREAD)) {
                continue;
            }
            long used = after.get(key) - before.getOrDefault(key, 0L);
            named += used;
            out.append(String.format("  %-12s %6.2f core-s  %6.2f ms per image%s%n", key, used / TICKS,
                    used * 1000.0 / TICKS / items, busiestThreads(key, before, after)));
        }
        out.append(String.format("  %-12s %6.2f core-s  %6.2f ms per image", "rest", (busy - named) / TICKS,
                (busy - named) * 1000.0 / TICKS / items));
        return out.toString();
    }

    /** CPU milliseconds per item that {@code accounts} (process names, "postgres") spent together between snapshots. */
    static double msPerItem(Map<String, Long> before, Map<String, Long> after, int items, String... accounts) {
        long used = 0;
        for (String account : accounts) {
            used += after.getOrDefault(account, 0L) - before.getOrDefault(account, 0L);
        }
        return used * 1000.0 / TICKS / Math.max(1, items);
    }

    /** CPU milliseconds per item of the thread pools of {@code process} whose names start with {@code pool}. */
    static double threadMsPerItem(Map<String, Long> before, Map<String, Long> after, int items, String process,
            String pool) {
        String prefix = process + THREAD + pool;
        long used = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                used += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return used * 1000.0 / TICKS / Math.max(1, items);
    }

    /** The process's five busiest thread pools between the snapshots, in core-seconds. */
    private static String busiestThreads(String process, Map<String, Long> before, Map<String, Long> after) {
        String prefix = process + THREAD;
        List<String> busiest = after.keySet().stream().filter(k -> k.startsWith(prefix))
                .sorted(Comparator.comparingLong((String k) -> after.get(k) - before.getOrDefault(k, 0L)).reversed())
                .limit(5)
                .map(k -> String.format("%s %.2f", k.substring(prefix.length()),
                        (after.get(k) - before.getOrDefault(k, 0L)) / TICKS))
                .toList();
        return busiest.isEmpty() ? "" : "  (" + String.join(", ", busiest) + ")";
    }

    /** Ticks per thread of a process, threads of one pool (same name but for digits) summed. */
    private static Map<String, Long> threads(Path proc) {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    ticks.merge(name, processTicks(task.resolve("stat")), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return ticks;
    }

    private static long processTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // The command name (field 2) is in parentheses and may hold spaces: fields count from the last ')'.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }
}
