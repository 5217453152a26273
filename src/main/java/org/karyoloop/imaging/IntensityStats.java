package org.karyoloop.imaging;
public record IntensityStats(double mean, double std, int backgroundLevel, double foregroundFraction) {
    public static IntensityStats of(DecodedImage image) { return new IntensityStats(0, 0, 0, 0); } }
