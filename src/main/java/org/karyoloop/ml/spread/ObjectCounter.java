package org.karyoloop.ml.spread;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many chromosomes a chromosome body holds: 0 (debris, a fragment), 1, 2, 3, 4, or {@value #MANY} and more. A
 * multinomial logistic model over scale-free shape measures of the body (its area against the spread's median
 * body, whether it falls apart when cut at 40, 55 and 70 % of its peak, elongation, solidity, depth against a
 * single chromosome's, mean and peak stain), fitted to expert karyotype masks ({@link ObjectCounterFit}, run by
 * {@code bench/real.sh --fit} on the tuning slides). Bodies of {@value #MANY} and more count by area against the
 * spread's single chromosomes. Thread-safe (immutable).
 */
public final class ObjectCounter {

    /** Names of the counting features, in the order of {@link SpreadObjects#countingFeatures}. */
    public static final List<String> FEATURES = List.of("log_area", "log_area_sq", "parts_40", "parts_55",
            "parts_70", "log_elongation", "solidity", "depth", "mean_stain", "peak_stain", "area_x_concavity",
            "area_capped");
    /** Number of classes: 0, 1, 2, 3, 4 chromosomes, and {@value #MANY} or more. */
    public static final int CLASSES = 6;
    /** The last class: this many chromosomes or more. */
    public static final int MANY = 5;
    /** The classpath resource with the model for fluorescence (and fluorescence stored inverted). */
    public static final String RESOURCE = "object-counter.txt";
    /** The classpath resource with the model for bright-field. */
    public static final String BRIGHTFIELD_RESOURCE = "object-counter-brightfield.txt";

    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;

    ObjectCounter(double[] mean, double[] scale, double[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * The fitted model shipped with karyoloop for images of {@code modality}: bright-field chromosome bodies are
     * cut from a band-smoothed field and look unlike fluorescent ones, so each modality has its own fit.
     */
    public static ObjectCounter standard(Modality modality) {
        return modality == Modality.BRIGHTFIELD ? Standard.BRIGHTFIELD : Standard.FLUORESCENCE;
    }

    /** The classpath resource of {@link #standard(Modality)}'s model. */
    public static String resource(Modality modality) {
        return modality == Modality.BRIGHTFIELD ? BRIGHTFIELD_RESOURCE : RESOURCE;
    }

    /** Loads the shipped models on first use. */
    private static final class Standard {
        static final ObjectCounter FLUORESCENCE = load(RESOURCE);
        static final ObjectCounter BRIGHTFIELD = load(BRIGHTFIELD_RESOURCE);
    }

    /** Class probabilities for {@code features} (length {@link #FEATURES}). */
    public double[] probabilities(double[] features) {
        double[] z = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
            double acc = weights[0][k];
            for (int j = 0; j < features.length; j++) {
                acc += weights[j + 1][k] * (features[j] - mean[j]) / scale[j];
            }
            z[k] = acc;
            max = Math.max(max, acc);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** Writes the model in the resource's format. */
    public void write(Writer out, String comment) throws IOException {
        out.write("# " + comment + "\n");
        out.write("# line 1: feature means; line 2: feature scales; then one line per weight row (bias first), "
                + CLASSES + " classes\n");
        out.write(join(mean) + "\n");
        out.write(join(scale) + "\n");
        for (double[] row : weights) {
            out.write(join(row) + "\n");
        }
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6g", v[i]));
        }
        return b.toString();
    }

    static ObjectCounter read(InputStream in) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                rows.add(v);
            }
        }
        int f = FEATURES.size();
        if (rows.size() != f + 3 || rows.get(0).length != f || rows.get(1).length != f) {
            throw new IOException("object counter model has " + rows.size() + " rows, expected " + (f + 3));
        }
        double[][] w = new double[f + 1][];
        for (int j = 0; j <= f; j++) {
            w[j] = rows.get(j + 2);
            if (w[j].length != CLASSES) {
                throw new IOException("weight row " + j + " has " + w[j].length + " classes, expected " + CLASSES);
            }
        }
        return new ObjectCounter(rows.get(0), rows.get(1), w);
    }

    private static ObjectCounter load(String resource) {
        try (InputStream in = ObjectCounter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + ObjectCounter.class);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
