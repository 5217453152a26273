import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Applies the topic catalog (kafka/topics.tsv) to a Kafka cluster in one JVM, or renders it as
 * Strimzi KafkaTopic resources, so the catalog stays the one source of truth for topics.
 *
 * <pre>
 * java -cp 'kafka/lib/*' kafka/TopicSync.java [--bootstrap HOST:PORT] [--dry-run] CATALOG
 * java -cp 'kafka/lib/*' kafka/TopicSync.java --strimzi OUT.yaml [--cluster NAME] [--replicas N] CATALOG
 * java -cp 'kafka/lib/*' kafka/TopicSync.java --validate CATALOG
 * </pre>
 *
 * <p>Sync creates missing topics, sets the catalog's configs on existing ones and raises their
 * partition count; it never lowers partitions, deletes topics or touches configs the catalog
 * does not name. It prints one line per catalog topic: created, updated, unchanged or failed.
 * Exit status: 0 ok, 1 a topic failed, 2 bad usage or an invalid catalog.
 */
public class TopicSync {

    static final Set<String> ROLES = Set.of("ingest", "scoring", "sampling", "annotation", "training", "rollout");
    static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    static final Pattern SIZE = Pattern.compile("(\\d+)(B|KiB|MiB)");

    /** One catalog line. {@code retentionMs} is null for compacted topics. */
    record Topic(String name, int partitions, String cleanup, Long retentionMs, long maxBytes,
            String dlq, List<String> consumers, int line) {

        /** The topic configs the catalog owns, as Kafka names and string values. */
        Map<String, String> configs() {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("cleanup.policy", cleanup);
            if (retentionMs != null) {
                c.put("retention.ms", Long.toString(retentionMs));
            }
            c.put("max.message.bytes", Long.toString(maxBytes));
            return c;
        }
    }

    /** A catalog that cannot be applied; reported with its line number. */
    static final class CatalogException extends Exception {
        CatalogException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP")).orElse("127.0.0.1:9092");
        String strimziOut = null;
        String cluster = "karyoloop";
        int replicas = 3;
        boolean dryRun = false;
        boolean validate = false;
        String catalog = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap" -> bootstrap = args[++i];
                    case "--strimzi" -> strimziOut = args[++i];
                    case "--cluster" -> cluster = args[++i];
                    case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                    case "--dry-run" -> dryRun = true;
                    case "--validate" -> validate = true;
                    default -> {
                        if (args[i].startsWith("--") || catalog != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        catalog = args[i];
                    }
                }
            }
            if (catalog == null) {
                throw new IllegalArgumentException("no catalog file given");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("usage: TopicSync [--bootstrap HOST:PORT] [--dry-run] CATALOG");
            System.err.println("       TopicSync --strimzi OUT.yaml [--cluster NAME] [--replicas N] CATALOG");
            System.err.println("       TopicSync --validate CATALOG");
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }

        List<Topic> topics;
        try {
            topics = parse(Path.of(catalog));
        } catch (CatalogException e) {
            System.err.println(catalog + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (validate) {
            System.out.println(catalog + ": " + topics.size() + " topics, valid");
        } else if (strimziOut != null) {
            Files.writeString(Path.of(strimziOut), strimzi(topics, cluster, replicas), StandardCharsets.UTF_8);
            System.out.println("wrote " + topics.size() + " KafkaTopic resources to " + strimziOut);
        } else {
            System.exit(sync(topics, bootstrap, dryRun, System.out));
        }
    }

    // ---- catalog ----------------------------------------------------------------------

    static List<Topic> parse(Path file) throws IOException, CatalogException {
        List<Topic> topics = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 1; n <= lines.size(); n++) {
            String text = lines.get(n - 1).replaceFirst("#.*", "").strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] f = text.split("\\s+");
            if (f.length != 7) {
                throw new CatalogException("line " + n + ": expected 7 columns, found " + f.length);
            }
            try {
                topics.add(topic(f, n));
            } catch (IllegalArgumentException e) {
                throw new CatalogException("line " + n + ": " + e.getMessage());
            }
        }
        check(topics);
        return topics;
    }

    static Topic topic(String[] f, int line) {
        String name = f[0];
        require(TOPIC_NAME.matcher(name).matches(), "illegal topic name " + name);
        int partitions = Integer.parseInt(f[1]);
        require(partitions >= 1, "partitions must be at least 1");
        String cleanup = f[2];
        Long retention = switch (cleanup) {
            case "delete" -> {
                require(!f[3].equals("-"), "a delete topic needs a retention");
                yield f[3].equals("-1") ? -1L : duration(f[3]);
            }
            case "compact" -> {
                require(f[3].equals("-"), "a compacted topic takes '-' as retention");
                yield null;
            }
            default -> throw new IllegalArgumentException("cleanup must be delete or compact, not " + cleanup);
        };
        long maxBytes = size(f[4]);
        String dlq = f[5].equals("-") ? null : f[5];
        List<String> consumers = f[6].equals("-") ? List.of() : Arrays.asList(f[6].split(","));
        for (String role : consumers) {
            require(ROLES.contains(role), "unknown role " + role + " (known: " + ROLES + ")");
        }
        require(consumers.isEmpty() || dlq != null, "a consumed topic needs a dead-letter topic");
        return new Topic(name, partitions, cleanup, retention, maxBytes, dlq, consumers, line);
    }

    /** Rules that span lines: unique names, dead letters that exist and fit their source. */
    static void check(List<Topic> topics) throws CatalogException {
        Map<String, Topic> byName = new HashMap<>();
        Map<String, Topic> byResource = new HashMap<>();
        for (Topic t : topics) {
            if (byName.put(t.name(), t) != null) {
                throw new CatalogException("line " + t.line() + ": topic " + t.name() + " listed twice");
            }
            Topic clash = byResource.put(resourceName(t.name()), t);
            if (clash != null) {
                throw new CatalogException("line " + t.line() + ": " + t.name() + " and " + clash.name()
                        + " map to the same Kubernetes name");
            }
        }
        for (Topic t : topics) {
            if (t.dlq() == null) {
                continue;
            }
            Topic dlq = byName.get(t.dlq());
            if (dlq == null) {
                throw new CatalogException(
                        "line " + t.line() + ": dead-letter topic " + t.dlq() + " is not in the catalog");
            }
            if (dlq.maxBytes() < t.maxBytes()) {
                throw new CatalogException("line " + dlq.line() + ": " + dlq.name() + " allows " + dlq.maxBytes()
                        + " bytes, less than its source " + t.name() + " (" + t.maxBytes() + ")");
            }
        }
    }

    static long duration(String s) {
        Matcher m = DURATION.matcher(s);
        require(m.matches(), "retention must look like 7d, 12h, 30m, 45s or 500ms, not " + s);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000L;
            case "m" -> n * 60_000L;
            case "h" -> n * 3_600_000L;
            default -> n * 86_400_000L;
        };
    }

    static long size(String s) {
        Matcher m = SIZE.matcher(s);
        require(m.matches(), "max_bytes must look like 1MiB, 512KiB or 1000000B, not " + s);
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2)) {
            case "B" -> n;
            case "KiB" -> n * 1024L;
            default -> n * 1024L * 1024L;
        };
        require(bytes <= Integer.MAX_VALUE, "max_bytes too large: " + s);
        return bytes;
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    // ---- sync with a cluster ----------------------------------------------------------

    static int sync(List<Topic> topics, String bootstrap, boolean dryRun, PrintStream out)
            throws InterruptedException {
        Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "karyoloop-topic-sync",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            List<String> present = topics.stream().map(Topic::name).filter(existing::contains).toList();
            Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(
                    present.stream().map(TopicSync::resource).toList()).all().get();

            Map<String, String> outcome = new LinkedHashMap<>();
            topics.forEach(t -> outcome.put(t.name(), null));
            List<NewTopic> toCreate = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> toAlter = new HashMap<>();
            Map<String, NewPartitions> toGrow = new HashMap<>();

            for (Topic t : topics) {
                if (!existing.contains(t.name())) {
                    // Replication factor: the cluster default (1 on the local broker).
                    toCreate.add(
                            new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty()).configs(t.configs()));
                    outcome.put(t.name(),
                            "created    " + t.name() + "  partitions=" + t.partitions() + " " + join(t.configs()));
                    continue;
                }
                List<String> changes = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                Config current = configs.get(resource(t.name()));
                List<AlterConfigOp> ops = new ArrayList<>();
                t.configs().forEach((key, want) -> {
                    ConfigEntry entry = current.get(key);
                    String have = entry == null ? null : entry.value();
                    if (!want.equals(have)) {
                        ops.add(new AlterConfigOp(new ConfigEntry(key, want), AlterConfigOp.OpType.SET));
                        changes.add(key + " " + have + " -> " + want);
                    }
                });
                if (!ops.isEmpty()) {
                    toAlter.put(resource(t.name()), ops);
                }
                int have = described.get(t.name()).partitions().size();
                if (t.partitions() > have) {
                    toGrow.put(t.name(), NewPartitions.increaseTo(t.partitions()));
                    changes.add("partitions " + have + " -> " + t.partitions());
                } else if (t.partitions() < have) {
                    notes.add("has " + have + " partitions, catalog says " + t.partitions() + "; never decreasing");
                }
                String note = notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")";
                outcome.put(t.name(), changes.isEmpty()
                        ? "unchanged  " + t.name() + note
                        : "updated    " + t.name() + "  " + String.join(", ", changes) + note);
            }

            int failures = 0;
            if (!dryRun) {
                failures += apply(admin.createTopics(toCreate).values(), outcome, true);
                failures += apply(admin.incrementalAlterConfigs(toAlter).values().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)), outcome, false);
                failures += apply(admin.createPartitions(toGrow).values(), outcome, false);
            }
            String prefix = dryRun ? "(dry run) " : "";
            outcome.values().forEach(line -> out.println(prefix + line));
            for (String name : existing.stream().sorted().toList()) {
                if (!outcome.containsKey(name) && !name.startsWith("__")) {
                    out.println("unmanaged  " + name + "  (on the cluster, not in the catalog; left alone)");
                }
            }
            return failures == 0 ? 0 : 1;
        } catch (ExecutionException e) {
            System.err.println("cannot talk to Kafka at " + bootstrap + ": " + e.getCause());
            return 1;
        }
    }

    /** Waits for per-topic results; a failure replaces that topic's line. */
    static int apply(Map<String, ? extends org.apache.kafka.common.KafkaFuture<?>> results,
            Map<String, String> outcome, boolean creating) throws InterruptedException {
        int failures = 0;
        for (var e : results.entrySet()) {
            try {
                e.getValue().get();
            } catch (ExecutionException ex) {
                if (creating && ex.getCause() instanceof TopicExistsException) {
                    // Created by someone else since we listed; the next run reconciles its configs.
                    outcome.put(e.getKey(),
                            "unchanged  " + e.getKey() + "  (appeared concurrently; run again to reconcile)");
                    continue;
                }
                outcome.put(e.getKey(), "failed     " + e.getKey() + "  " + ex.getCause());
                failures++;
            }
        }
        return failures;
    }

    static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    static String join(Map<String, String> configs) {
        return configs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    // ---- Strimzi ----------------------------------------------------------------------

    static String resourceName(String topic) {
        return topic.toLowerCase().replace('.', '-').replace('_', '-');
    }

    static String strimzi(List<Topic> topics, String cluster, int replicas) {
        StringBuilder y = new StringBuilder();
        y.append("# Generated from kafka/topics.tsv by kafka/gen-strimzi.sh; do not edit by hand.\n");
        y.append("# Strimzi KafkaTopic resources for the Kafka cluster '").append(cluster).append("'.\n");
        for (Topic t : topics) {
            y.append("---\n");
            y.append("apiVersion: kafka.strimzi.io/v1beta2\n");
            y.append("kind: KafkaTopic\n");
            y.append("metadata:\n");
            y.append("  name: ").append(resourceName(t.name())).append('\n');
            y.append("  labels:\n");
            y.append("    strimzi.io/cluster: ").append(cluster).append('\n');
            y.append("    app.kubernetes.io/part-of: karyoloop\n");
            y.append("  annotations:\n");
            y.append("    karyoloop.org/consumers: \"").append(String.join(",", t.consumers())).append("\"\n");
            y.append("    karyoloop.org/dead-letter-topic: \"").append(t.dlq() == null ? "" : t.dlq()).append("\"\n");
            y.append("spec:\n");
            y.append("  topicName: ").append(t.name()).append('\n');
            y.append("  partitions: ").append(t.partitions()).append('\n');
            y.append("  replicas: ").append(replicas).append('\n');
            y.append("  config:\n");
            t.configs().forEach((k, v) -> y.append("    ").append(k).append(": ")
                    .append(v.chars().allMatch(Character::isDigit) || v.startsWith("-") ? v : "\"" + v + "\"")
                    .append('\n'));
        }
        return y.toString();
    }
}
