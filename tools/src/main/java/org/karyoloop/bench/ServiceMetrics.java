package org.karyoloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running service's per-stage CPU counters from its Prometheus endpoint on the management port
 * ({@code <prefix>_stage_cpu_seconds_total{stage="..."}}) and reports the CPU milliseconds per image each stage took
 * between two readings. Thread-safe (stateless).
 */
final class ServiceMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceMetrics() {
    }

    /** Seconds per stage so far; empty when the endpoint cannot be read. */
    static Map<String, Double> stageCpu(String management, String prefix) {
        Map<String, Double> seconds = new TreeMap<>();
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("^" + Pattern.quote(prefix)
                    + "_stage_cpu_seconds_total\\{[^}]*stage=\"([a-z]+)\"[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE)
                    .matcher(body);
            while (m.find()) {
                seconds.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        } catch (Exception e) {
            seconds.clear();
        }
        return seconds;
    }

    /** {@code stage ms, ...} per image between {@code before} and {@code after}. */
    static String perImage(Map<String, Double> before, Map<String, Double> after, int images) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1000 / Math.max(1, images);
            out.append(String.format(Locale.ROOT, "%s%s %.2f", out.length() == 0 ? "" : ", ", e.getKey(), ms));
        }
        return out.length() == 0 ? "(no stage counters)" : out.toString();
    }
}
