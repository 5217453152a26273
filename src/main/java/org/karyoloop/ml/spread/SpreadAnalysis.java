package org.karyoloop.ml.spread;

/**
 * Everything measured on one image: the result ({@link SpreadMeasurement}) and the intermediate fields and objects
 * that the benchmarks and pictures show. Thread-safe (immutable once built).
 *
 * @param measurement the result
 * @param objects     the counted objects (with their stain field)
 * @param census      chromosomes per object
 */
public record SpreadAnalysis(SpreadMeasurement measurement, SpreadObjects objects, Census census) {
}
