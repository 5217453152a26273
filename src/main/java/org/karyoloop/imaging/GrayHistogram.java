package org.karyoloop.imaging;

/**
 * The histogram of an image's gray levels, counted once per image for everything that summarises its intensities
 * ({@link IntensityStats}, the modality detector). Images above about a million pixels are sampled on a regular grid
 * to about a million pixels (every step-th pixel of every step-th row), so the pass costs about the same whatever
 * the camera. Immutable, hence thread-safe.
 */
public final class GrayHistogram {

    private static final int TARGET_SAMPLES = 1 << 20;

    private final long[] counts;
    private final long total;

    private GrayHistogram(long[] counts) {
        this.counts = counts;
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        this.total = n;
    }

    /** Counts the gray levels of {@code image} (every pixel up to about a million, a regular grid above). */
    public static GrayHistogram of(DecodedImage image) {
        int w = image.width();
        int h = image.height();
        long pixels = (long) w * h;
        int step = pixels <= TARGET_SAMPLES ? 1 : (int) Math.ceil(Math.sqrt((double) pixels / TARGET_SAMPLES));
        byte[] gray = image.gray();
        long[] counts = new long[256];
        for (int y = 0; y < h; y += step) {
            int row = y * w;
            for (int x = 0; x < w; x += step) {
                counts[gray[row + x] & 0xFF]++;
            }
        }
        return new GrayHistogram(counts);
    }

    /** How many sampled pixels have gray level {@code level} (0..255). */
    public long count(int level) {
        return counts[level];
    }

    /** The number of pixels counted (&gt; 0). */
    public long total() {
        return total;
    }

    /** A copy of the 256 counts, level 0 first. */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The least gray level at or below which at least {@code q} (0..1) of the counted pixels lie (at least one
     * pixel); 255 when none is.
     */
    public int percentile(double q) {
        long target = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += counts[v];
            if (seen >= target) {
                return v;
            }
        }
        return 255;
    }
}
