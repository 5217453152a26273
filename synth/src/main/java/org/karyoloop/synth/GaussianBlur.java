package org.karyoloop.synth;

/**
 * Separable Gaussian blur of a float image in place: an exact kernel for small sigmas and three
 * running-sum box passes (which converge to a Gaussian) for large ones. Both passes walk rows, so
 * memory is read in order. Not thread-safe: one per rendering thread.
 */
final class GaussianBlur {

    /** Above this sigma three box passes are cheaper than the exact kernel and close enough. */
    private static final double BOX_FROM_SIGMA = 1.6;

    private float[] scratch = new float[0];
    private float[] rowIn = new float[0];

    void apply(float[] image, int width, int height, double sigma) {
        if (sigma < 0.2) {
            return;
        }
        if (scratch.length < image.length) {
            scratch = new float[image.length];
        }
        if (rowIn.length < Math.max(width, height) + 2) {
            rowIn = new float[Math.max(width, height) + 2];
        }
        if (sigma <= BOX_FROM_SIGMA) {
            float[] kernel = kernel(sigma);
            horizontalKernel(image, scratch, width, height, kernel);
            verticalKernel(scratch, image, width, height, kernel);
        } else {
            for (int radius : boxRadii(sigma)) {
                horizontalBox(image, scratch, width, height, radius);
                verticalBox(scratch, image, width, height, radius);
            }
        }
    }

    static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] / sum);
        }
        return k;
    }

    /** Radii of three boxes whose combined variance matches sigma squared (Kovesi, 2010). */
    static int[] boxRadii(double sigma) {
        double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
        int lower = (int) Math.floor(ideal);
        if (lower % 2 == 0) {
            lower--;
        }
        int upper = lower + 2;
        double m = (12 * sigma * sigma - 3.0 * lower * lower - 4.0 * 3 * lower - 3.0 * 3) / (-4.0 * lower - 4);
        int count = (int) Math.round(m);
        int[] radii = new int[3];
        for (int i = 0; i < 3; i++) {
            radii[i] = ((i < count ? lower : upper) - 1) / 2;
        }
        return radii;
    }

    /** Row by row; the tap loop is outside the pixel loop so the JIT can vectorise it. */
    private void horizontalKernel(float[] in, float[] out, int width, int height, float[] k) {
        int r = k.length / 2;
        float[] padded = rowIn;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            // Clamp-to-edge padding, so every tap reads inside the row.
            if (padded.length < width + 2 * r) {
                padded = new float[width + 2 * r];
                rowIn = padded;
            }
            System.arraycopy(in, row, padded, r, width);
            for (int j = 0; j < r; j++) {
                padded[j] = in[row];
                padded[r + width + j] = in[row + width - 1];
            }
            float k0 = k[0];
            for (int x = 0; x < width; x++) {
                out[row + x] = k0 * padded[x];
            }
            for (int j = 1; j < k.length; j++) {
                float kj = k[j];
                for (int x = 0; x < width; x++) {
                    out[row + x] += kj * padded[x + j];
                }
            }
        }
    }

    private void verticalKernel(float[] in, float[] out, int width, int height, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            float k0 = k[0];
            int first = Math.max(0, Math.min(height - 1, y - r)) * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = k0 * in[first + x];
            }
            for (int j = 1; j < k.length; j++) {
                float kj = k[j];
                int src = Math.max(0, Math.min(height - 1, y + j - r)) * width;
                for (int x = 0; x < width; x++) {
                    out[row + x] += kj * in[src + x];
                }
            }
        }
    }

    private void horizontalBox(float[] in, float[] out, int width, int height, int r) {
        float scale = 1f / (2 * r + 1);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            float sum = (r + 1) * in[row];
            for (int j = 1; j <= r; j++) {
                sum += in[row + Math.min(width - 1, j)];
            }
            for (int x = 0; x < width; x++) {
                out[row + x] = sum * scale;
                sum += in[row + Math.min(width - 1, x + r + 1)] - in[row + Math.max(0, x - r)];
            }
        }
    }

    private void verticalBox(float[] in, float[] out, int width, int height, int r) {
        float scale = 1f / (2 * r + 1);
        float[] sum = rowIn.length >= width ? rowIn : new float[width];
        for (int x = 0; x < width; x++) {
            sum[x] = (r + 1) * in[x];
        }
        for (int j = 1; j <= r; j++) {
            int src = Math.min(height - 1, j) * width;
            for (int x = 0; x < width; x++) {
                sum[x] += in[src + x];
            }
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int add = Math.min(height - 1, y + r + 1) * width;
            int drop = Math.max(0, y - r) * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = sum[x] * scale;
                sum[x] += in[add + x] - in[drop + x];
            }
        }
    }
}
