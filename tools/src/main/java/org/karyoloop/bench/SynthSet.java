package org.karyoloop.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.preprocess.Preprocessor;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.LabelModel;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;
import org.karyoloop.training.engine.Example;

/**
 * A synthetic data set for the quality benchmark: generated once with the synth generator, pushed
 * through the shared Preprocessor (with background normalisation, and optionally without it for the
 * naive baseline), and cached on disk so arms and reruns share it. Not thread-safe after loading
 * (read-only use is fine).
 */
final class SynthSet {

    final int n;
    final int size;
    final byte[] trueGrade;
    final byte[] score;
    final byte[] archiveLabel;
    final int[] slide;
    final byte[][] normalised;
    /** The spreads' measurements when the recipe measures (then {@code normalised} holds nothing). */
    final float[][] measured;
    final byte[][] raw;

    private SynthSet(int n, int size, boolean withRaw) {
        this.n = n;
        this.size = size;
        trueGrade = new byte[n];
        score = new byte[n];
        archiveLabel = new byte[n];
        slide = new int[n];
        normalised = new byte[n][];
        measured = new float[n][];
        raw = withRaw ? new byte[n][] : null;
    }

    /**
     * Loads the set from {@code cache} or generates and caches it: inputs normalised with {@code std}, and when
     * {@code withRaw} also without normalisation or crop at {@code rawSize} (the naive baseline's inputs).
     */
    static SynthSet load(Path cache, GeneratorConfig config, int n, PreprocessRecipe std, int rawSize,
            LabelModel labels, boolean withRaw, int threads) throws Exception {
        int inputSize = std.measure() ? rawSize : std.inputSize();
        if (Files.exists(cache)) {
            return read(cache, n, inputSize, std.measure(), withRaw);
        }
        SynthSet set = new SynthSet(n, inputSize, withRaw);
        PreprocessRecipe none = new PreprocessRecipe(inputSize, 4 * inputSize, false, 0.5, 99.5, false, 0.12,
                0.015, false, false);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            work.add(pool.submit(() -> {
                SpreadGenerator generator = new SpreadGenerator(config);
                Preprocessor normalise = new Preprocessor(std);
                Preprocessor plain = new Preprocessor(none);
                for (int i = from; i < n; i += threads) {
                    SyntheticImage img = generator.generate(i);
                    DecodedImage decoded = new DecodedImage(ImageFormat.PNG, img.width(), img.height(), 8, 1,
                            img.pixels());
                    set.trueGrade[i] = (byte) img.truth().grade().ordinal();
                    set.score[i] = (byte) Math.max(0, img.truth().score());
                    set.archiveLabel[i] = labels == null ? set.trueGrade[i] : (byte) labels.label(img.truth(),
                            new SplittableRandom(config.seed() * 1_000_003L + i)).ordinal();
                    set.slide[i] = (int) img.slide().index();
                    if (std.measure()) {
                        set.measured[i] = normalise.apply(decoded);
                        set.normalised[i] = new byte[0];
                    } else {
                        set.normalised[i] = Example.quantise(normalise.apply(decoded));
                    }
                    if (withRaw) {
                        set.raw[i] = Example.quantise(plain.apply(decoded));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        set.write(cache);
        return set;
    }

    /** Image {@code i} as a training example of the normalised inputs (pixels or measurements). */
    Example example(int i, int label, float weight, boolean unlabeled, String slideId) {
        return new Example(normalised[i], label, weight, unlabeled, slideId, measured[i]);
    }

    /** The model inputs of every image: normalised (pixels or measurements), or raw pixels. */
    float[][] inputs(boolean useRaw) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            if (!useRaw && measured[i] != null) {
                out[i] = measured[i];
            } else {
                byte[] b = useRaw ? raw[i] : normalised[i];
                out[i] = new float[b.length];
                for (int k = 0; k < b.length; k++) {
                    out[i][k] = (b[k] & 0xFF) / 255f;
                }
            }
        }
        return out;
    }

    private void write(Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (int i = 0; i < n; i++) {
                out.writeByte(trueGrade[i]);
                out.writeByte(score[i]);
                out.writeByte(archiveLabel[i]);
                out.writeInt(slide[i]);
                out.write(normalised[i]);
                if (measured[i] != null) {
                    for (float v : measured[i]) {
                        out.writeFloat(v);
                    }
                }
                if (raw != null) {
                    out.write(raw[i]);
                }
            }
        }
        Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static SynthSet read(Path cache, int n, int size, boolean measure, boolean withRaw) throws IOException {
        SynthSet set = new SynthSet(n, size, withRaw);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            for (int i = 0; i < n; i++) {
                set.trueGrade[i] = in.readByte();
                set.score[i] = in.readByte();
                set.archiveLabel[i] = in.readByte();
                set.slide[i] = in.readInt();
                if (measure) {
                    set.normalised[i] = new byte[0];
                    set.measured[i] = new float[org.karyoloop.ml.spread.SpreadMeter.FEATURES];
                    for (int k = 0; k < set.measured[i].length; k++) {
                        set.measured[i][k] = in.readFloat();
                    }
                } else {
                    set.normalised[i] = in.readNBytes(size * size);
                }
                if (withRaw) {
                    set.raw[i] = in.readNBytes(size * size);
                }
            }
        }
        return set;
    }
}
