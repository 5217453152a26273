package org.karyoloop.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.IntensityStats;
import org.karyoloop.ingest.ImageIngestService;

/**
 * What ingest's CPU work on one image costs, stage by stage, on one thread: the benchmark PNGs of bench/ingest.sh
 * (~1 MP 8-bit gray), decoded by ImageDecoder (the PNG fast path) and by plain ImageIO, plus intensity statistics and
 * SHA-256. Warm-up rounds first; then mean milliseconds per image over {@code rounds} passes. Run with
 * {@code java -cp ... org.karyoloop.bench.DecodeCost [images=20] [rounds=10] [size=1024]}.
 */
public final class DecodeCost {

    private static final java.lang.reflect.Method FAST;

    static {
        try {
            FAST = Class.forName("org.karyoloop.imaging.PngFastPath").getDeclaredMethod("decode", byte[].class);
            FAST.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DecodeCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        Random random = new Random(42);
        List<byte[]> pngs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pngs.add(IngestBench.spreadLikePng(size, random));
        }
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 64L << 20));
        List<DecodedImage> decoded = new ArrayList<>();
        for (byte[] png : pngs) {
            decoded.add(decoder.decode(png));
        }
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            sink += pass(pngs, decoded, decoder, 0) + pass(pngs, decoded, decoder, 1) + pass(pngs, decoded, decoder, 2)
                    + pass(pngs, decoded, decoder, 3) + pass(pngs, decoded, decoder, 4);
        }
        String[] names = {"decode (ImageDecoder, fast path)", "decode (plain ImageIO)", "intensity statistics",
            "sha-256", "PngFastPath alone"};
        for (int stage = 0; stage < names.length; stage++) {
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                sink += pass(pngs, decoded, decoder, stage);
            }
            double ms = (System.nanoTime() - start) / 1e6 / rounds / n;
            System.out.printf(Locale.ROOT, "%-34s %6.2f ms/image%n", names[stage], ms);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static long pass(List<byte[]> pngs, List<DecodedImage> decoded, ImageDecoder decoder, int stage)
            throws Exception {
        long sink = 0;
        for (int i = 0; i < pngs.size(); i++) {
            byte[] png = pngs.get(i);
            sink += switch (stage) {
                case 0 -> decoder.decode(png).gray()[1000];
                case 1 -> ImageIO.read(new ByteArrayInputStream(png)).getRaster().getSample(10, 10, 0);
                case 2 -> (long) IntensityStats.of(decoded.get(i)).mean();
                case 3 -> ImageIngestService.sha256(png).charAt(3);
                default -> ((DecodedImage) FAST.invoke(null, png)).gray()[1000];
            };
        }
        return sink;
    }
}
