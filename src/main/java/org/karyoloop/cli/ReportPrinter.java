package org.karyoloop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.karyoloop.ml.spread.NotSpreadReason;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;

/**
 * Prints one {@link ImageReport} per image: a short block of text for people, or with {@code --json} one JSON
 * object per line (fields {@code file}, {@code modality}, {@code chromosomes}, {@code clusters}, {@code spread},
 * {@code reason}, {@code description}, {@code measurements}; with a model {@code model}, {@code grade},
 * {@code probabilities}, {@code goodThreshold}, {@code verdict}; for an unreadable file {@code error} and
 * {@code detail}, with {@code spread} false and {@code reason} the decoder's). Used by one thread.
 */
final class ReportPrinter {

    /** The verdict of an image that is not a metaphase spread: it gets no grade. */
    static final String NOT_A_SPREAD = "not-a-spread";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    ReportPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(ImageReport report) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(toJson(report)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a report is always JSON", e);
            }
        } else {
            printText(report);
        }
        out.flush();
    }

    static ObjectNode toJson(ImageReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", report.file().toString());
        SpreadMeasurement m = report.measurement();
        if (m == null) {
            o.putNull("modality");
            o.putNull("chromosomes");
            o.putNull("clusters");
            o.put("spread", false);
            o.put("reason", report.error());
            o.put("error", report.error());
            o.put("detail", report.detail());
            return o;
        }
        o.put("modality", m.modality().wire());
        o.put("chromosomes", m.chromosomes());
        o.put("clusters", m.clusters());
        o.put("spread", m.spread());
        o.put("reason", m.reason());
        o.put("description", m.reason() == null ? null : describe(m.reason()));
        ObjectNode values = o.putObject("measurements");
        List<String> names = SpreadMeter.NAMES;
        for (int i = 0; i < names.size() && i < m.features().length; i++) {
            float v = m.features()[i];
            if (Float.isFinite(v)) {
                values.put(names.get(i), v);
            } else {
                values.putNull(names.get(i));
            }
        }
        Grading g = report.grading();
        if (g != null) {
            o.put("model", g.model());
            o.put("grade", g.grade() == null ? null : g.grade().name());
            ObjectNode p = o.putObject("probabilities");
            for (int i = 0; i < g.classes().size(); i++) {
                p.put(g.classes().get(i), g.probabilities()[i]);
            }
            o.put("goodThreshold", g.goodThreshold());
            o.put("verdict", verdict(g));
        }
        return o;
    }

    private void printText(ImageReport report) {
        SpreadMeasurement m = report.measurement();
        if (m == null) {
            out.printf("%s: unreadable: %s (%s)%n", report.file(), report.error(), report.detail());
            return;
        }
        out.printf("%s: %s, %d chromosomes, %d clusters, %s%n", report.file(), m.modality().wire(), m.chromosomes(),
                m.clusters(), m.spread() ? "a metaphase spread"
                        : "not a metaphase spread (" + m.reason() + ": " + describe(m.reason()) + ")");
        Grading g = report.grading();
        if (g != null) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < g.classes().size(); i++) {
                p.append(i == 0 ? "" : " ").append(g.classes().get(i)).append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", g.probabilities()[i]));
            }
            out.printf(Locale.ROOT, "    %s: grade %s, probabilities %s (GOOD from %.3f), verdict %s%n", g.model(),
                    g.grade() == null ? "none" : g.grade().name(), p, g.goodThreshold(), verdict(g));
        }
        StringBuilder values = new StringBuilder("   ");
        for (int i = 0; i < SpreadMeter.NAMES.size() && i < m.features().length; i++) {
            values.append(' ').append(SpreadMeter.NAMES.get(i)).append('=')
                    .append(String.format(Locale.ROOT, "%.4g", m.features()[i]));
        }
        out.println(values);
    }

    private static String verdict(Grading g) {
        return g.grade() == null ? NOT_A_SPREAD : g.grade().name();
    }

    /** The sentence for a not-a-spread reason code, or the code itself when it is not one karyoloop knows. */
    static String describe(String reason) {
        for (NotSpreadReason r : NotSpreadReason.values()) {
            if (r.wire().equals(reason)) {
                return r.description();
            }
        }
        return reason;
    }
}
