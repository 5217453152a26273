package org.karyoloop.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karyoloop.ml.registry.ModelVersion;
import org.karyoloop.ml.registry.ModelVersionRepository;
import org.karyoloop.rollout.persistence.LiveStatsRepository;
import org.karyoloop.rollout.persistence.RolloutState;

/**
 * What the operators' page shows besides the rollout state: a model's versions with their evaluation
 * metrics (the page draws their confusion matrix and precision-recall curve from them), eligibility and role in
 * the rollout, and the live GOOD rate and precision per arm over time. Read-only and stateless; thread-safe.
 */
@ApplicationScoped
public class OperatorViews {

    /** Longest timeline the page may ask for, in buckets (keeps the query and the chart small). */
    static final int MAX_BUCKETS = 1000;
    private static final Pattern BUCKET = Pattern.compile("(\\d{1,4})([mhd])");

    /** One version as operators compare them; {@code eligible} is null when its origin did not say. */
    public record VersionView(String version, String origin, Instant createdAt, String createdBy,
            double goodThreshold, String parentVersion, String trainingJob, Map<String, Double> metrics,
            Boolean eligible, String serving) {
    }

    /**
     * A model's live statistics per bucket (ISO-8601 duration), arm and version from {@code from} to {@code to}, with
     * the live GOOD precision a canary must show ({@code karyoloop.rollout.target-precision}), for the chart's line.
     */
    public record Timeline(String modelName, String bucket, Instant from, Instant to, double targetPrecision,
            List<LiveStats> points) {
    }

    private final ModelVersionRepository versions;
    private final LiveStatsRepository stats;
    private final ObjectMapper mapper;
    private final RolloutConfig config;
    private final Clock clock = Clock.systemUTC();

    public OperatorViews(ModelVersionRepository versions, LiveStatsRepository stats, ObjectMapper mapper,
            RolloutConfig config) {
        this.versions = versions;
        this.stats = stats;
        this.mapper = mapper;
        this.config = config;
    }

    /** Every registered version of the model, oldest first. */
    public List<VersionView> versions(String modelName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RolloutState state = RolloutState.findById(modelName);
            return versions.listByName(modelName).stream().map(v -> view(v, state)).toList();
        });
    }

    /**
     * The last {@code buckets} buckets of {@code bucket} (e.g. 15m, 1h, 1d) of live statistics.
     *
     * @throws IllegalArgumentException for a bucket or count out of range
     */
    public Timeline timeline(String modelName, String bucket, int buckets) {
        Duration size = parseBucket(bucket);
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be 1.." + MAX_BUCKETS + ": " + buckets);
        }
        Instant now = clock.instant();
        Instant from = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size.toSeconds()) * size.toSeconds())
                .minus(size.multipliedBy(buckets - 1L));
        return QuarkusTransaction.requiringNew()
                .call(() -> new Timeline(modelName, size.toString(), from, now, config.targetPrecision(),
                        stats.timeline(modelName, size, from)));
    }

    /** {@code 15m}, {@code 1h}, {@code 1d}: one minute to 30 days. */
    static Duration parseBucket(String bucket) {
        Matcher m = BUCKET.matcher(bucket == null ? "" : bucket.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bucket must look like 15m, 1h or 1d: " + bucket);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("bucket must be between 1m and 30d: " + bucket);
        }
        return d;
    }

    private VersionView view(ModelVersion v, RolloutState state) {
        Map<String, Double> metrics = metrics(v.metrics);
        Double eligible = metrics.get("eligible");
        String serving = state == null ? null
                : v.version.equals(state.stableVersion) ? "stable" : v.version.equals(state.canaryVersion) ? "canary"
                : null;
        return new VersionView(v.version, v.origin.name(), v.createdAt, v.createdBy, v.goodThreshold,
                v.parentVersion, v.trainingJob, metrics, eligible == null ? null : eligible >= 0.5, serving);
    }

    private Map<String, Double> metrics(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, Double>>() {});
        } catch (JsonProcessingException e) {
            return Map.of(); // the registry validated it on the way in; an unreadable map shows as none
        }
    }
}
