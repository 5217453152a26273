package org.karyoloop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.ImageCodec;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;

/**
 * The images of the scoring and end-to-end benchmarks: synthetic spreads from the generator's realistic domains,
 * alternately bright-field ({@code new}: the new microscopes, gray backgrounds) and fluorescence (DAPI, fitted to
 * the real ADIR cells), at SIZE x SIZE, PNG-encoded as a camera's export would be, with the modality ingest would
 * record. Generated on all cores; thread-safe (stateless).
 */
final class BenchImages {

    /** One benchmark image: its PNG bytes and the modality ingest would record for it. */
    record Image(byte[] png, String modality) {
    }

    private BenchImages() {
    }

    /** {@code n} images, every other one fluorescence; {@code seed} makes them differ from run to run. */
    static List<Image> realistic(int n, int size, long seed) throws Exception {
        Domain[] domains = {Domain.newMicroscopes(), Domain.fluorescence()};
        // a generator reuses its buffers: one per thread and domain (an image depends only on config and index)
        ThreadLocal<SpreadGenerator[]> generators = ThreadLocal.withInitial(() -> {
            SpreadGenerator[] g = new SpreadGenerator[domains.length];
            for (int d = 0; d < domains.length; d++) {
                g[d] = new SpreadGenerator(GeneratorConfig.defaults().withSize(size, size).withDomain(domains[d])
                        .withSeed(seed * 31 + d));
            }
            return g;
        });
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Image>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int d = i % domains.length;
                long index = i / domains.length;
                futures.add(pool.submit(() -> {
                    SyntheticImage s = generators.get()[d].generate(index);
                    return new Image(ImageCodec.png(ImageCodec.toImage(s.pixels(), s.width(), s.height())),
                            domains[d].modality().wire());
                }));
            }
            List<Image> images = new ArrayList<>();
            for (Future<Image> f : futures) {
                images.add(f.get());
            }
            return images;
        } finally {
            pool.shutdown();
        }
    }

    /** p50, p90, p99 and the maximum of {@code values} (nearest rank). */
    static double[] distribution(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {rank(sorted, 0.5), rank(sorted, 0.9), rank(sorted, 0.99), sorted[sorted.length - 1]};
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
    }
}
