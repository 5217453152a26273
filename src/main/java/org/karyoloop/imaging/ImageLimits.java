package org.karyoloop.imaging;
public record ImageLimits(long maxBytes, long maxPixels) {}
